package org.creditledger.readmodel.rebuild;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of projection rebuilds ({@code ledger.rebuild.*}).
 *
 * @param batchSize   events replayed into the copies per transaction ({@code LEDGER_REBUILD_BATCH_SIZE})
 * @param lockTimeout how long the final switch may wait for readers' locks on the live tables before the rebuild fails
 *                    and changes nothing ({@code LEDGER_REBUILD_LOCK_TIMEOUT}); PostgreSQL's {@code lock_timeout}, so
 *                    at least 1 ms (its 0 would mean waiting for ever)
 */
@Validated
@ConfigurationProperties("ledger.rebuild")
public record RebuildSettings(@DefaultValue("1000") @Min(1) int batchSize,
                              @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration lockTimeout) {
}
