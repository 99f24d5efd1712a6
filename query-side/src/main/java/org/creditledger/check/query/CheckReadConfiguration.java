package org.creditledger.check.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.creditledger.readmodel.ReadModelProcessors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** The check projection and the check counts run in tracking processors like the other read models. */
@Configuration(proxyBeanMethods = false)
class CheckReadConfiguration {

    @Autowired
    void trackingProjections(EventProcessingConfigurer processing, ReadModelProcessors processors) {
        processors.register(processing, CheckProjection.PROCESSING_GROUP);
        processors.register(processing, CheckStatsProjection.PROCESSING_GROUP);
    }
}
