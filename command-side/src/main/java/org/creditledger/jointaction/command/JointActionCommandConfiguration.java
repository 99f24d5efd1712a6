package org.creditledger.jointaction.command;

import org.axonframework.config.EventProcessingConfigurer;
import org.creditledger.platform.axon.LookupTableProcessors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The case lookups must change in the transaction that appends their events: a subscribing processor. Its errors fail
 * the command (the default listener error handler would only log them): a case refused there, or a lookup row that
 * cannot be written, must not be stored.
 */
@Configuration(proxyBeanMethods = false)
class JointActionCommandConfiguration {

    @Autowired
    void subscribeLookupTables(EventProcessingConfigurer processing) {
        LookupTableProcessors.register(processing, JointActionLookups.PROCESSING_GROUP);
    }
}
