package org.creditledger.catalogue.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.creditledger.readmodel.ReadModelProcessors;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalogue projection runs in a tracking processor with the same batch size as the other read models (see
 * {@code ReadModelConfiguration} for why tracking and why batches); registered here, with the tables a rebuild
 * replaces, so the catalogue stays in one package.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueReadConfiguration {

    @Autowired
    void trackingProjection(EventProcessingConfigurer processing, ReadModelProcessors processors) {
        processors.register(processing, CatalogueProjection.PROCESSING_GROUP);
    }

    @Bean
    RebuildableProjection catalogueTables() {
        return RebuildableProjection.of(CatalogueProjection.PROCESSING_GROUP, "list_definition_version", "list_definition_view", "measure_version", "measure_view");
    }
}
