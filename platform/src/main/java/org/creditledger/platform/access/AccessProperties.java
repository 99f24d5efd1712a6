package org.creditledger.platform.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of API-key access ({@code ledger.access.*}). Checked when the application starts: a wrong value stops
 * it with the reason, before any request is served.
 *
 * @param bootstrapAdminKey the secret of the first ADMIN key, created when no key exists yet
 *                          ({@code LEDGER_BOOTSTRAP_ADMIN_KEY}); at least 24 characters, or unset
 * @param keyCacheTtl       how long a node trusts a cached key lookup before reading the key again
 *                          ({@code LEDGER_ACCESS_KEY_CACHE_TTL}, default 30 s). Revocations reach every node at once
 *                          through PostgreSQL NOTIFY; this only bounds how long a node could miss one if it lost
 *                          that notification. {@code 0s} turns the cache off.
 */
@ConfigurationProperties("ledger.access")
public record AccessProperties(String bootstrapAdminKey, @DefaultValue("30s") Duration keyCacheTtl) {

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
