package org.creditledger.jointaction.command;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** The case lookups must change in the transaction that appends their events: a subscribing processor. */
@Configuration(proxyBeanMethods = false)
class JointActionCommandConfiguration {

    @Autowired
    void subscribeLookupTables(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(JointActionLookups.PROCESSING_GROUP);
    }
}
