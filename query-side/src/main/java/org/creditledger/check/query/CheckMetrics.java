package org.creditledger.check.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.creditledger.check.api.CheckMessages.SubjectCheckedEvent;
import org.creditledger.check.api.Verdict;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The counter checks' metrics:
 * <ul>
 *   <li>{@code ledger.check.latency}: a timer with a percentile histogram, from the question to the recorded answer
 *       (validation, lookup, recording; not HTTP and JSON, which {@code http.server.requests} covers), tagged
 *       {@code kind} ({@code single}, {@code batch}: one sample per batch) and {@code verdict}: the verdict, {@code MIXED}
 *       for a batch of several verdicts, {@code NONE} when nothing was answered (invalid question, 503);</li>
 *   <li>{@code ledger.check.recorded}: checks recorded (committed in the event store);</li>
 *   <li>{@code ledger.check.recorder.batch.size}: checks per group commit of the {@link CheckRecorder};</li>
 *   <li>{@code ledger.check.recorder.commit}: time of one group commit (append and commit, the WAL flush included);</li>
 *   <li>{@code ledger.check.recorder.failures}: group commits that failed (their checks were answered 503).</li>
 * </ul>
 */
@Component
class CheckMetrics {

    static final String NONE = "NONE";
    static final String MIXED = "MIXED";

    private final Map<Verdict, Timer> single = new EnumMap<>(Verdict.class);
    private final Map<Verdict, Timer> batch = new EnumMap<>(Verdict.class);
    private final Timer singleNone;
    private final Timer batchNone;
    private final Timer batchMixed;
    private final Counter recorded;
    private final DistributionSummary batchSize;
    private final Timer commit;
    private final Counter failures;

    CheckMetrics(MeterRegistry meters) {
        for (Verdict verdict : Verdict.values()) {
            single.put(verdict, latency(meters, "single", verdict.name()));
            batch.put(verdict, latency(meters, "batch", verdict.name()));
        }
        singleNone = latency(meters, "single", NONE);
        batchNone = latency(meters, "batch", NONE);
        batchMixed = latency(meters, "batch", MIXED);
        recorded = Counter.builder("ledger.check.recorded").description("Counter checks recorded in the event store")
                .register(meters);
        batchSize = DistributionSummary.builder("ledger.check.recorder.batch.size")
                .description("Checks recorded per group commit")
                .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000)
                .register(meters);
        commit = Timer.builder("ledger.check.recorder.commit")
                .description("Time of one group commit of checks: append and commit")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(meters);
        failures = Counter.builder("ledger.check.recorder.failures")
                .description("Group commits of checks that failed; their checks were answered 503").register(meters);
    }

    private static Timer latency(MeterRegistry meters, String kind, String verdict) {
        return Timer.builder("ledger.check.latency")
                .description("Counter checks from question to recorded answer, without HTTP")
                .tags("kind", kind, "verdict", verdict)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(meters);
    }

    /** A single check that took {@code nanos}; {@code answer} null when it was not answered. */
    void single(long nanos, SubjectCheckedEvent answer) {
        (answer == null ? singleNone : single.get(answer.verdict())).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A batch that took {@code nanos}; {@code answers} null when nothing was answered. */
    void batch(long nanos, List<SubjectCheckedEvent> answers) {
        Timer timer;
        if (answers == null || answers.isEmpty()) {
            timer = batchNone;
        } else {
            Verdict first = answers.get(0).verdict();
            timer = answers.stream().allMatch(a -> Objects.equals(a.verdict(), first)) ? batch.get(first) : batchMixed;
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A group commit of {@code checks} checks that took {@code nanos}. */
    void committed(int checks, long nanos) {
        recorded.increment(checks);
        batchSize.record(checks);
        commit.record(nanos, TimeUnit.NANOSECONDS);
    }

    void commitFailed() {
        failures.increment();
    }
}
