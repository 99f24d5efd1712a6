package org.creditledger.listing.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.creditledger.readmodel.ReadModelProcessors;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The list-entry projection runs in a tracking processor with the same batch size as the other read models (see
 * {@code ReadModelConfiguration} for why tracking and why batches); registered here, with the tables a rebuild
 * replaces, so list entries stay in one package.
 */
@Configuration(proxyBeanMethods = false)
class ListEntryReadConfiguration {

    @Autowired
    void trackingProjection(EventProcessingConfigurer processing, ReadModelProcessors processors) {
        processors.register(processing, ListEntryProjection.PROCESSING_GROUP);
    }

    @Bean
    RebuildableProjection listEntryTables() {
        return RebuildableProjection.of(ListEntryProjection.PROCESSING_GROUP, "list_entry_view", "list_entry_history", "list_entry_pending");
    }
}
