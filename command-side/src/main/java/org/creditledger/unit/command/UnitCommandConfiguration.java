package org.creditledger.unit.command;

import org.axonframework.config.EventProcessingConfigurer;
import org.creditledger.platform.axon.LookupTableProcessors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Lookup tables must change in the transaction that appends their events: a subscribing processor. Its failures
 * (an unknown parent, a cycle in the unit tree) must fail the command: the default listener error handler would only
 * log them and store the event anyway.
 */
@Configuration(proxyBeanMethods = false)
class UnitCommandConfiguration {

    @Autowired
    void subscribeLookupTables(EventProcessingConfigurer processing) {
        LookupTableProcessors.register(processing, KnownUnits.PROCESSING_GROUP);
    }
}
