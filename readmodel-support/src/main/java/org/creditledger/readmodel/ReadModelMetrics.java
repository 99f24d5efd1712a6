package org.creditledger.readmodel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.creditledger.platform.metrics.Sampled;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far behind the event store each read model's processor is, as gauges per {@code processor}:
 * <ul>
 *   <li>{@code ledger.events.head}: the global index of the last event stored ({@code max(global_index)});</li>
 *   <li>{@code ledger.processor.position}: the last event the processor has processed: the least position of the
 *       segments this node runs ({@link StreamingEventProcessor#processingStatus()}, in memory), or, when this node
 *       runs none of them, the least committed token in {@code token_entry}; -1 before any;</li>
 *   <li>{@code ledger.processor.lag}: head minus position, never below 0: the events it has still to process.</li>
 * </ul>
 * Computed when Prometheus scrapes, at most once a second for all gauges together: one index lookup for the head,
 * and a {@code token_entry} read only for a processor no segment of which runs here.
 */
@Component
class ReadModelMetrics {

    private final EventProcessingConfiguration processing;
    private final ProjectionCatchUp catchUp;
    private final List<String> groups;
    private final Sampled<Snapshot> snapshot = Sampled.every(Duration.ofSeconds(1), null, this::take);

    ReadModelMetrics(EventProcessingConfiguration processing, ProjectionCatchUp catchUp,
                     List<RebuildableProjection> projections, MeterRegistry meters) {
        this.processing = processing;
        this.catchUp = catchUp;
        this.groups = projections.stream().map(RebuildableProjection::processingGroup).distinct().sorted().toList();
        Gauge.builder("ledger.events.head", () -> value(s -> s.head()))
                .description("Global index of the last event stored").register(meters);
        for (String group : groups) {
            Gauge.builder("ledger.processor.position", () -> value(s -> s.positions().get(group)))
                    .tag("processor", group).description("Global index of the last event the read model's processor has processed")
                    .register(meters);
            Gauge.builder("ledger.processor.lag", () -> value(s -> Math.max(0, s.head() - s.positions().get(group))))
                    .tag("processor", group).description("Events stored that the read model's processor has not processed yet")
                    .register(meters);
        }
    }

    record Snapshot(long head, Map<String, Long> positions) {
    }

    private Number value(java.util.function.Function<Snapshot, Number> read) {
        Snapshot taken = snapshot.get();
        return taken == null ? Double.NaN : read.apply(taken);
    }

    /** Positions first, then the head: a processor can then only seem behind, never ahead. */
    private Snapshot take() {
        Map<String, Long> positions = new HashMap<>();
        for (String group : groups) {
            positions.put(group, position(group));
        }
        return new Snapshot(catchUp.head(), positions);
    }

    private long position(String group) {
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(group, StreamingEventProcessor.class);
        Map<Integer, EventTrackerStatus> segments = processor.filter(StreamingEventProcessor::isRunning)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        if (segments.isEmpty()) {
            return catchUp.committedPosition(group);
        }
        return segments.values().stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }
}
