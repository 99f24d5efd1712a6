package org.creditledger.readmodel;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes for the read endpoints: before a query answers, waits until the projections it reads have
 * processed every event that was in the event store when the query arrived, so a client that just wrote sees its
 * write.
 *
 * <p>The head is {@code max(global_index)} of {@code domain_event_entry}; a processor's position is the lowest
 * {@linkplain EventTrackerStatus#getCurrentPosition() current position} over its segments, which Axon advances only
 * after the batch's read-model change and token have committed. The wait is a short poll, bounded by
 * {@code ledger.read.catch-up-timeout} (default 2 s); on timeout the query answers from the read model as it is.
 * When this JVM does not hold every segment of the processor (another node does part of the work, or the segments
 * are not claimed yet), the position here says nothing about the whole read model, so it does not wait.
 */
@Component
public class ProjectionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** Segment masks are below 2^31, so each segment's share of the whole is (2^32)/(mask+1) in these units. */
    private static final long WHOLE = 1L << 32;

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final Duration timeout;

    ProjectionCatchUp(EventProcessingConfiguration processing, JdbcClient jdbc,
                      @Value("${ledger.read.catch-up-timeout:2s}") Duration timeout) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.timeout = timeout;
    }

    /** Waits (bounded) until the named processing groups have processed the current head of the event store. */
    public void await(String... processingGroups) {
        long head = head();
        if (head < 0) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String group : processingGroups) {
            StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class).orElse(null);
            if (processor == null) {
                continue;
            }
            while (!reached(processor, head)) {
                if (System.nanoTime() - deadline >= 0) {
                    log.warn("Read model {} did not reach event {} within {}; answering from the read model as it is.",
                            group, head, timeout);
                    return;
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
    }

    /** The global index of the last event stored, or -1 when the store is empty. */
    long head() {
        return jdbc.sql("select coalesce(max(global_index), -1) from domain_event_entry").query(Long.class).single();
    }

    /**
     * True when the processor has processed {@code head}, or when this JVM cannot tell: the processor is not
     * running here or does not hold all its segments.
     */
    static boolean reached(StreamingEventProcessor processor, long head) {
        if (!processor.isRunning()) {
            return true;
        }
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (!holdsAllSegments(status.values())) {
            return true;
        }
        for (EventTrackerStatus segment : status.values()) {
            OptionalLong position = segment.getCurrentPosition();
            if (position.isEmpty() || position.getAsLong() < head) {
                return false;
            }
        }
        return true;
    }

    static boolean holdsAllSegments(Collection<EventTrackerStatus> segments) {
        long covered = 0;
        for (EventTrackerStatus segment : segments) {
            covered += WHOLE / (segment.getSegment().getMask() + 1L);
        }
        return covered == WHOLE;
    }
}
