package org.creditledger.check.query;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of counter checks ({@code ledger.check.*}).
 *
 * @param recordQueue   checks waiting to be recorded before new ones are refused with 503
 * @param recordBatch   checks recorded in one transaction at most
 * @param recordTimeout how long a check waits for its commit before the counter gets 503
 * @param batchRate     checks one API key may ask for through {@code POST /checks/batch} per minute: a token bucket
 *                      per key that holds this many checks and refills evenly over the minute; a batch costs one
 *                      token per item, and a batch the bucket cannot cover now gets 429 with {@code Retry-After}
 */
@Validated
@ConfigurationProperties("ledger.check")
record CheckSettings(@DefaultValue("20000") @Min(1) int recordQueue,
                     @DefaultValue("500") @Min(1) int recordBatch,
                     @DefaultValue("5s") @NotNull Duration recordTimeout,
                     @DefaultValue("6000") @Min(1) int batchRate) {
}
