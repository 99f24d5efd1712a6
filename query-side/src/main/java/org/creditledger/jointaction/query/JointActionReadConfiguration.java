package org.creditledger.jointaction.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.creditledger.readmodel.ReadModelProcessors;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case projection runs in a tracking processor with the same batch size as the other read models (see
 * {@code ReadModelConfiguration} for why tracking and why batches); registered here, with the table a rebuild
 * replaces, so the feature stays in one package.
 */
@Configuration(proxyBeanMethods = false)
class JointActionReadConfiguration {

    @Autowired
    void trackingProjection(EventProcessingConfigurer processing, ReadModelProcessors processors) {
        processors.register(processing, JointActionProjection.PROCESSING_GROUP);
    }

    @Bean
    RebuildableProjection jointActionTables() {
        return RebuildableProjection.of(JointActionProjection.PROCESSING_GROUP, "joint_action_view");
    }
}
