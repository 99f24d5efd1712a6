package org.creditledger.readmodel;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of the read models' processors and of read-your-writes ({@code ledger.read.*}). Checked when the
 * application starts: a wrong value stops it with the reason.
 *
 * @param batchSize                events per transaction of a read model's processor ({@code LEDGER_READ_BATCH_SIZE}).
 *                                 Axon's default of 1 gives one transaction per event, which kept the read models
 *                                 seconds behind a 10,000-row import
 * @param eventAvailabilityTimeout while a processor meets only events it does not handle, it stores its token after this
 *                                 long ({@code LEDGER_READ_EVENT_AVAILABILITY_TIMEOUT}); Axon's 1 s made readers on
 *                                 other nodes, which go by the committed token, wait that long for an unrelated write
 * @param catchUpTimeout           how long a read waits for the read models to reach the latest write before it answers
 *                                 503 with {@code Retry-After} instead of answering stale
 *                                 ({@code LEDGER_READ_CATCH_UP_TIMEOUT}); {@code 0s}: no wait (and no guarantee)
 * @param linger                   how long a processor lets the first event after a quiet moment wait for the ones that
 *                                 follow, to handle them in one transaction ({@code LEDGER_READ_LINGER}; {@code 0s}: none)
 */
@Validated
@ConfigurationProperties("ledger.read")
public record ReadModelSettings(@DefaultValue("200") @Min(1) int batchSize,
                                @DefaultValue("200ms") @NotNull @DurationMin(millis = 1) Duration eventAvailabilityTimeout,
                                @DefaultValue("2s") @NotNull @DurationMin(millis = 0) Duration catchUpTimeout,
                                @DefaultValue("50ms") @NotNull @DurationMin(millis = 0) @DurationMax(seconds = 1) Duration linger) {
}
