package org.creditledger.catalogue.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * The catalogue projection runs in a tracking processor with the same batch size as the other read models (see
 * {@code ReadModelConfiguration} for why tracking and why batches); registered here so the catalogue stays in one
 * package.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueReadConfiguration {

    @Autowired
    void trackingProjection(EventProcessingConfigurer processing, @Value("${ledger.read.batch-size:200}") int batchSize) {
        processing.registerTrackingEventProcessor(CatalogueProjection.PROCESSING_GROUP, org.axonframework.config.Configuration::eventStore,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize));
    }
}
