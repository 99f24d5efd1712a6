package org.creditledger.audit.timeline;

import org.axonframework.config.EventProcessingConfigurer;
import org.creditledger.readmodel.ReadModelProcessors;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The timeline projection runs in a tracking processor like the other read models (see {@code ReadModelConfiguration}
 * for why tracking and why batches); registered here so the timeline stays in one package. On a ledger that already
 * holds events, the new processor starts at the first event and indexes the whole history.
 */
@Configuration(proxyBeanMethods = false)
class TimelineReadConfiguration {

    @Autowired
    void trackingProjection(EventProcessingConfigurer processing, ReadModelProcessors processors) {
        processors.register(processing, SubjectTimelineProjection.PROCESSING_GROUP);
    }

    @Bean
    RebuildableProjection timelineTables() {
        return RebuildableProjection.of(SubjectTimelineProjection.PROCESSING_GROUP, "subject_timeline");
    }
}
