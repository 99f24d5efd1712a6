package org.creditledger.listing.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * The list-entry projection runs in a tracking processor with the same batch size as the other read models (see
 * {@code ReadModelConfiguration} for why tracking and why batches); registered here so list entries stay in one package.
 */
@Configuration(proxyBeanMethods = false)
class ListEntryReadConfiguration {

    @Autowired
    void trackingProjection(EventProcessingConfigurer processing, @Value("${ledger.read.batch-size:200}") int batchSize) {
        processing.registerTrackingEventProcessor(ListEntryProjection.PROCESSING_GROUP, org.axonframework.config.Configuration::eventStore,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize));
    }
}
