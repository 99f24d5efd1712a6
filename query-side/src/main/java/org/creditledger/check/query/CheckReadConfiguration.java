package org.creditledger.check.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.creditledger.readmodel.ReadModelProcessors;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The check projection and the check counts run in tracking processors like the other read models. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CheckSettings.class)
class CheckReadConfiguration {

    @Autowired
    void trackingProjections(EventProcessingConfigurer processing, ReadModelProcessors processors) {
        processors.register(processing, CheckProjection.PROCESSING_GROUP);
        processors.register(processing, CheckStatsProjection.PROCESSING_GROUP);
    }

    /** Rebuilt into new tables and switched in, so checks keep answering from the live ones meanwhile. */
    @Bean
    RebuildableProjection checkTables() {
        return RebuildableProjection.of(CheckProjection.PROCESSING_GROUP, "check_list", "check_entry", "check_objection",
                "check_measure");
    }

    @Bean
    RebuildableProjection checkCountTables() {
        return RebuildableProjection.of(CheckStatsProjection.PROCESSING_GROUP, "check_count");
    }
}
