package org.creditledger.audit.chain;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.creditledger.platform.metrics.Sampled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * How far the hash chain trails the event store, as gauges: {@code ledger.chain.position}, the global index of the
 * chain's last link, and {@code ledger.chain.lag}, the head of the event store minus that index (never below 0): the
 * events not chained yet, counting any index a rolled-back append left empty until the chainer settles it. Two index
 * lookups when Prometheus scrapes, at most once a second.
 */
@Component
class EventChainMetrics {

    private record Snapshot(long position, long head) {
    }

    EventChainMetrics(EventChain chain, MeterRegistry meters) {
        Sampled<Snapshot> snapshot = Sampled.every(Duration.ofSeconds(1), null, () -> {
            long position = chain.tail().globalIndex(); // the tail first: the chain can only seem behind, never ahead
            return new Snapshot(position, chain.head());
        });
        Gauge.builder("ledger.chain.position", () -> {
            Snapshot s = snapshot.get();
            return s == null ? Double.NaN : s.position();
        }).description("Global index of the hash chain's last link").register(meters);
        Gauge.builder("ledger.chain.lag", () -> {
            Snapshot s = snapshot.get();
            return s == null ? Double.NaN : Math.max(0, s.head() - s.position());
        }).description("Events stored that the hash chain has not linked yet").register(meters);
    }
}
