package org.creditledger.platform.access;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.auth}: how often one client address may present an unknown API key.
 *
 * @param failuresPerMinute unknown keys an address may present per minute (the bucket's size and refill rate)
 * @param trackedAddresses  how many addresses are remembered at once (least recently seen are forgotten first)
 */
@Validated
@ConfigurationProperties("ledger.auth")
public record AuthenticationLimits(@DefaultValue("30") @Min(1) int failuresPerMinute,
                                   @DefaultValue("100000") @Min(1) long trackedAddresses) {
}
