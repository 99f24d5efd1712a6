package org.creditledger.catalogue.command;

import org.axonframework.config.EventProcessingConfigurer;
import org.creditledger.platform.axon.LookupTableProcessors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The list-code lookup table must change in the transaction that appends its event: a subscribing processor. Its
 * failures must fail the command: the default listener error handler would only log them and store the list's event
 * while measures and entries, which check their list here, would not find it.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueCommandConfiguration {

    @Autowired
    void subscribeLookupTables(EventProcessingConfigurer processing) {
        LookupTableProcessors.register(processing, KnownLists.PROCESSING_GROUP);
    }
}
