package org.creditledger.readmodel;

import org.creditledger.readmodel.rebuild.RebuildSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The read-model machinery's settings. The projections run in tracking processors, one per processing group, whose
 * tokens live in the {@code token_entry} table of the same database: the read-model change and the token update of a
 * batch commit in one Spring-managed transaction.
 *
 * <p>Why tracking and not pooled: without Axon Server the event store's streams offer no "events available"
 * callback, so an idle pooled processor looks for new events every 500 ms (a constant in Axon 4.13's
 * {@code Coordinator}, not tunable through the builder; {@code tokenClaimInterval} only governs claiming). A
 * tracking processor waits on the embedded event store, which wakes it as soon as this JVM appends. Measured in
 * {@code ReadYourWritesTest} (append, then GET the commitment and the quota): pooled median ≈ 510 ms, tracking
 * median ≈ 50 ms. Axon 4 also has no "default mode" property, so each group is registered explicitly: by
 * {@link ReadModelProcessors}, for every {@link org.creditledger.readmodel.rebuild.RebuildableProjection} bean, the
 * declaration by which a feature names its processing group and the tables a rebuild replaces
 * (see {@link org.creditledger.readmodel.rebuild.ProjectionRebuilds}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ReadModelSettings.class, RebuildSettings.class})
class ReadModelConfiguration {
}
