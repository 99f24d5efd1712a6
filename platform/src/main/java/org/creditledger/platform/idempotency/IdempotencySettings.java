package org.creditledger.platform.idempotency;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code ledger.idempotency}: how long an {@code Idempotency-Key} is kept and when an unfinished attempt is presumed
 * dead.
 *
 * @param inProgressExpiry after this long, a key whose first attempt never finished and never wrote (the JVM died,
 *                         the connection to the database broke) may be taken by a retry; before it, a retry gets 409
 *                         {@code idempotent-request-in-progress}. Longer than any write takes.
 * @param retention        keys (with their stored responses) are kept this long after their first use, then deleted:
 *                         a retry after that is a new request
 * @param cleanupInterval  how often the retention task deletes old keys (one node runs it at a time, through
 *                         db-scheduler)
 */
@ConfigurationProperties("ledger.idempotency")
@Validated
public record IdempotencySettings(@NotNull @DefaultValue("60s") Duration inProgressExpiry,
                                  @NotNull @DefaultValue("7d") Duration retention,
                                  @NotNull @DefaultValue("1h") Duration cleanupInterval) {
}
