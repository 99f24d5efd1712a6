package org.creditledger.platform.metrics;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value that costs a query, for gauges read on a scrape: computed lazily when a gauge asks, then reused for
 * {@code maxAge}, so the several gauges one query answers (lag of every processor, jobs of every state) cost one
 * query per scrape, and nothing between scrapes. If the computation fails, the gauges read the last good value (or
 * the fallback) rather than failing the whole scrape.
 */
public final class Sampled<T> implements Supplier<T> {

    private final Supplier<T> compute;
    private final long maxAgeNanos;
    private final T fallback;
    private T value;
    private long takenAt;
    private boolean taken;

    private Sampled(Supplier<T> compute, Duration maxAge, T fallback) {
        this.compute = compute;
        this.maxAgeNanos = maxAge.toNanos();
        this.fallback = fallback;
    }

    /** {@code compute} at most once per {@code maxAge}; {@code fallback} until it first succeeds. */
    public static <T> Sampled<T> every(Duration maxAge, T fallback, Supplier<T> compute) {
        return new Sampled<>(compute, maxAge, fallback);
    }

    @Override
    public synchronized T get() {
        long now = System.nanoTime();
        if (!taken || now - takenAt >= maxAgeNanos) {
            taken = true;
            takenAt = now;
            try {
                value = compute.get();
            } catch (RuntimeException e) {
                // the database may be down; the scrape still answers, and the health endpoint tells why
            }
        }
        return value == null ? fallback : value;
    }
}
