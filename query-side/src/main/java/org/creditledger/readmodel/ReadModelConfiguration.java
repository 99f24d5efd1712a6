package org.creditledger.readmodel;

import org.axonframework.config.EventProcessingConfigurer;
import org.creditledger.commitment.query.CommitmentProjection;
import org.creditledger.quota.query.QuotaProjection;
import org.creditledger.unit.query.UnitProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The projections run in pooled streaming processors, one per processing group, whose tokens live in the
 * {@code token_entry} table of the same database: the read-model change and the token update of a batch commit in
 * one transaction.
 *
 * <p>Axon 4 has no "default mode" property, so each group is registered here; left alone they would be tracking
 * processors.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    static final String[] PROCESSING_GROUPS = {
            UnitProjection.PROCESSING_GROUP, CommitmentProjection.PROCESSING_GROUP, QuotaProjection.PROCESSING_GROUP};

    @Autowired
    void pooledProjections(EventProcessingConfigurer processing) {
        for (String group : PROCESSING_GROUPS) {
            processing.registerPooledStreamingEventProcessor(group);
        }
    }
}
