package org.creditledger.check.query;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.platform.web.RateLimited;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.creditledger.platform.i18n.Text;

/**
 * Limits how many checks one API key asks for through {@code POST /checks/batch}: a Bucket4j token bucket per key
 * holding {@code ledger.check.batch-rate} checks and refilling that many per minute, evenly. Every check of a batch is
 * a write (it is recorded before it is answered), so the limit counts checks, not requests: one key cannot flood the
 * recorder that every counter shares. Buckets live in this JVM; with several query-side JVMs a key gets the rate on each.
 */
@Component
class BatchRateLimit {

    private final int perMinute;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    BatchRateLimit(CheckSettings settings) {
        this.perMinute = settings.batchRate();
    }

    /**
     * Takes {@code checks} tokens from the key's bucket.
     *
     * @throws InvalidInput when the batch is larger than the bucket can ever hold
     * @throws RateLimited  when the bucket holds fewer now; {@code Retry-After} says when it will hold enough
     */
    void take(UUID keyId, int checks) {
        if (checks > perMinute) {
            throw new InvalidInput(FieldProblem.of("items", "query.checks.over-rate", checks, perMinute));
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(keyId, id -> newBucket()).tryConsumeAndReturnRemaining(checks);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            throw new RateLimited(Text.of("query.checks.rate-limited", perMinute, checks, Math.max(1, (wait.toMillis() + 999) / 1000)), wait);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }
}
