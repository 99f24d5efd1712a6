package org.creditledger.platform.axon;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of the event store ({@code ledger.event-store.*}), Axon's JDBC engine on PostgreSQL.
 *
 * @param batchSize    events read from the event table per query when a processor or a rebuild streams events
 * @param gapTimeoutMs milliseconds a reader keeps waiting for a global index that is missing from the event table (an
 *                     append that may still commit) before it takes the index for lost
 * @param fetchDelay   how often a JVM looks for events appended by other JVMs: with the command side in another JVM,
 *                     this bounds how late a list entry reaches the counter checks. Appends in the same JVM wake its
 *                     processors at once, except the recorded counter checks: they wait for this poll
 *                     ({@link LedgerEventStore}).
 * @param cachedEvents the newest events a JVM keeps in memory for its processors reading at the head of the stream; a
 *                     processor further behind reads the event table itself until it catches up
 */
@Validated
@ConfigurationProperties("ledger.event-store")
record EventStoreProperties(@DefaultValue("500") @Min(1) int batchSize,
                            @DefaultValue("60000") @Min(1) int gapTimeoutMs,
                            @DefaultValue("100ms") @NotNull @DurationMin(millis = 1) Duration fetchDelay,
                            @DefaultValue("10000") @Min(1) int cachedEvents) {
}
