package org.creditledger.commitment.imports;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.creditledger.platform.metrics.Sampled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * {@code ledger.imports.jobs} by {@code state} (QUEUED, RUNNING, DONE, FAILED): the import jobs of all nodes as stored
 * in {@code commitment_import}, counted by one grouped query when Prometheus scrapes, at most once a second. The rows
 * per second are {@code ledger.imports.rows} ({@link ImportChunkProcessor}).
 */
@Component
class ImportMetrics {

    ImportMetrics(ImportJobStore store, MeterRegistry meters) {
        Sampled<Map<ImportJob.State, Long>> counts = Sampled.every(Duration.ofSeconds(1), null, store::countByState);
        for (ImportJob.State state : ImportJob.State.values()) {
            Gauge.builder("ledger.imports.jobs", () -> {
                Map<ImportJob.State, Long> now = counts.get();
                return now == null ? Double.NaN : now.getOrDefault(state, 0L);
            }).tag("state", state.name()).description("Import jobs in each state, all nodes").register(meters);
        }
    }
}
