package org.creditledger.platform.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.Optional;

/**
 * Rate limit on failed authentications, per client address: a token bucket (Bucket4j) of
 * {@code ledger.access.failed-authentications-per-minute} tokens, refilled at that rate, loses one token per unknown key. While it is
 * empty, every request from that address that presents a key is answered 429 without looking the key up, so guessing
 * keys costs an attacker minutes, not milliseconds. Buckets live in a bounded Caffeine cache, so a flood of addresses
 * cannot exhaust memory. Counted as {@code ledger.auth.failures} by reason.
 */
public class FailedAuthentications {

    private final int perMinute;
    private final Cache<String, Bucket> buckets;
    private final Counter unknownKeys;
    private final Counter rateLimited;

    public FailedAuthentications(AccessProperties access, MeterRegistry meters) {
        this.perMinute = access.failedAuthenticationsPerMinute();
        this.buckets = Caffeine.newBuilder().maximumSize(access.trackedAddresses()).expireAfterAccess(Duration.ofMinutes(10)).build();
        this.unknownKeys = Counter.builder("ledger.auth.failures").tag("reason", "unknown-key")
                .description("Requests whose X-Api-Key matched no valid key").register(meters);
        this.rateLimited = Counter.builder("ledger.auth.failures").tag("reason", "rate-limited")
                .description("Requests refused because their address failed to authenticate too often").register(meters);
    }

    /** How long the address must wait before it may present a key again, if it is blocked now. */
    Optional<Duration> blocked(String address) {
        Bucket bucket = buckets.getIfPresent(address);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        rateLimited.increment();
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Optional.of(Duration.ofNanos(Math.max(nanos, 1_000_000_000L)));
    }

    void failed(String address) {
        unknownKeys.increment();
        buckets.get(address, any -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build()).tryConsume(1);
    }
}
