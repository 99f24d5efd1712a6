package org.creditledger.jointaction.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * The case projection runs in a tracking processor with the same batch size as the other read models (see
 * {@code ReadModelConfiguration} for why tracking and why batches); registered here so the feature stays in one
 * package.
 */
@Configuration(proxyBeanMethods = false)
class JointActionReadConfiguration {

    @Autowired
    void trackingProjection(EventProcessingConfigurer processing, @Value("${ledger.read.batch-size:200}") int batchSize) {
        processing.registerTrackingEventProcessor(JointActionProjection.PROCESSING_GROUP, org.axonframework.config.Configuration::eventStore,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize));
    }
}
