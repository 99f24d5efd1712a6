package org.creditledger.readmodel;

import org.axonframework.config.EventProcessingConfigurer;
import org.creditledger.commitment.query.CommitmentProjection;
import org.creditledger.quota.query.QuotaProjection;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.creditledger.unit.query.UnitProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projections run in tracking processors, one per processing group, whose tokens live in the
 * {@code token_entry} table of the same database: the read-model change and the token update of a batch commit in
 * one Spring-managed transaction.
 *
 * <p>Why tracking and not pooled: without Axon Server the event store's streams offer no "events available"
 * callback, so an idle pooled processor looks for new events every 500 ms (a constant in Axon 4.13's
 * {@code Coordinator}, not tunable through the builder; {@code tokenClaimInterval} only governs claiming). A
 * tracking processor waits on the embedded event store, which wakes it as soon as this JVM appends. Measured in
 * {@code ReadYourWritesTest} (append, then GET the commitment and the quota): pooled median ≈ 510 ms, tracking
 * median ≈ 50 ms. Axon 4 also has no "default mode" property, so each group is registered here explicitly.
 *
 * <p>Each group also declares the tables it owns, so an administrator can rebuild it (see
 * {@link org.creditledger.readmodel.rebuild.ProjectionRebuilds}).
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    static final String[] PROCESSING_GROUPS = {
            UnitProjection.PROCESSING_GROUP, CommitmentProjection.PROCESSING_GROUP, QuotaProjection.PROCESSING_GROUP};

    @Autowired
    void trackingProjections(EventProcessingConfigurer processing, ReadModelProcessors processors) {
        for (String group : PROCESSING_GROUPS) {
            processors.register(processing, group);
        }
    }

    @Bean
    RebuildableProjection unitTables() {
        return RebuildableProjection.of(UnitProjection.PROCESSING_GROUP, "unit_view", "unit_target_view");
    }

    @Bean
    RebuildableProjection commitmentTables() {
        return RebuildableProjection.of(CommitmentProjection.PROCESSING_GROUP, "commitment_view");
    }

    @Bean
    RebuildableProjection quotaTables() {
        return RebuildableProjection.of(QuotaProjection.PROCESSING_GROUP, "quota_day");
    }
}
