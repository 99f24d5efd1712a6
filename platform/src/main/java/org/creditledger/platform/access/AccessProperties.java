package org.creditledger.platform.access;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of API-key access ({@code ledger.access.*}). Checked when the application starts: a wrong value stops
 * it with the reason, before any request is served.
 *
 * @param bootstrapAdminKey                 the secret of the first ADMIN key, created when no key exists yet; at
 *                                          least 24 characters, or unset. Usually set as
 *                                          {@code LEDGER_BOOTSTRAP_ADMIN_KEY}, which feeds this key.
 * @param keyCacheTtl                       how long a node trusts a cached key lookup before reading the key again.
 *                                          Revocations reach every node at once through PostgreSQL NOTIFY; this
 *                                          only bounds how long a node could miss one if it lost that notification.
 *                                          0s turns the cache off.
 * @param failedAuthenticationsPerMinute    unknown API keys one client address may present per minute (the size and
 *                                          the refill rate of its token bucket); past that the address gets 429 for
 *                                          any key until its bucket refills
 * @param trackedAddresses                  client addresses whose failed authentications are remembered at once
 *                                          (the least recently seen are forgotten first), so that many addresses
 *                                          cannot exhaust memory
 */
@Validated
@ConfigurationProperties("ledger.access")
public record AccessProperties(String bootstrapAdminKey,
                               @DefaultValue("30s") Duration keyCacheTtl,
                               @DefaultValue("30") @Min(1) int failedAuthenticationsPerMinute,
                               @DefaultValue("100000") @Min(1) long trackedAddresses) {

    /** A secret an operator types is guessable when short; 24 characters is the floor. */
    public static final int MIN_BOOTSTRAP_SECRET_LENGTH = 24;

    public AccessProperties {
        bootstrapAdminKey = bootstrapAdminKey == null || bootstrapAdminKey.isBlank() ? null : bootstrapAdminKey;
        if (bootstrapAdminKey != null && bootstrapAdminKey.codePointCount(0, bootstrapAdminKey.length()) < MIN_BOOTSTRAP_SECRET_LENGTH) {
            // never echo the secret itself, not even in the startup failure
            throw new IllegalArgumentException("LEDGER_BOOTSTRAP_ADMIN_KEY (ledger.access.bootstrap-admin-key) must be at least "
                    + MIN_BOOTSTRAP_SECRET_LENGTH + " characters long; the one configured has "
                    + bootstrapAdminKey.codePointCount(0, bootstrapAdminKey.length()) + ". Choose a long random secret, e.g. `openssl rand -base64 32`.");
        }
        if (keyCacheTtl == null) {
            keyCacheTtl = Duration.ofSeconds(30);
        }
        if (keyCacheTtl.isNegative()) {
            throw new IllegalArgumentException("ledger.access.key-cache-ttl must not be negative; it is " + keyCacheTtl + ".");
        }
    }
}
