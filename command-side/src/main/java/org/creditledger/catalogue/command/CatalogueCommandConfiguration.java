package org.creditledger.catalogue.command;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** The list-code lookup table must change in the transaction that appends its event: a subscribing processor. */
@Configuration(proxyBeanMethods = false)
class CatalogueCommandConfiguration {

    @Autowired
    void subscribeLookupTables(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(KnownLists.PROCESSING_GROUP);
    }
}
