package org.creditledger.unit.command;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Lookup tables must change in the transaction that appends their events: a subscribing processor. */
@Configuration(proxyBeanMethods = false)
class UnitCommandConfiguration {

    @Autowired
    void subscribeLookupTables(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(KnownUnits.PROCESSING_GROUP);
    }
}
