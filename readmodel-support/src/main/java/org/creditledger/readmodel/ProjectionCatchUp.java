package org.creditledger.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes for the read endpoints: before a query answers, waits until the projections it reads have
 * processed every event that was in the event store when the query arrived, so a client that just wrote sees its
 * write.
 *
 * <p>The head is {@code max(global_index)} of {@code domain_event_entry}. Where the processor stands comes from one of
 * two sources:
 * <ul>
 *   <li>when this JVM holds every segment of the processor: the in-memory position of each segment, which Axon
 *       advances after the batch's read-model change and token have committed (the fast path, tens of ms);</li>
 *   <li>otherwise (segments held by another node, or not claimed yet right after start-up): the committed tokens in
 *       {@code token_entry}. The tracking processor stores each batch's token in the transaction that changes the
 *       read model, also for batches it ignores, so they are exact. A processor that meets only events it ignores
 *       stores its token after {@code ledger.read.event-availability-timeout} (see {@link ReadModelProcessors}):
 *       measured median 199 ms at the 200 ms default, 999 ms at Axon's 1 s.</li>
 * </ul>
 * The wait is a short poll, bounded by {@code ledger.read.catch-up-timeout} (default 2 s); on timeout the query answers
 * from the read model as it is. A processor replaying (a {@code ReplayToken}) counts as behind.
 */
@Component
public class ProjectionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final String GAP_AWARE_TOKEN = "org.axonframework.eventhandling.GapAwareTrackingToken";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Segment masks are below 2^31, so each segment's share of the whole is (2^32)/(mask+1) in these units. */
    private static final long WHOLE = 1L << 32;

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final Duration timeout;

    ProjectionCatchUp(EventProcessingConfiguration processing, JdbcClient jdbc, ReadModelSettings settings) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.timeout = settings.catchUpTimeout();
    }

    /** Waits (bounded) until the named processing groups have processed the current head of the event store. */
    public void await(String... processingGroups) {
        if (!timeout.isZero()) {
            awaitPosition(head(), processingGroups);
        }
    }

    /** Waits (bounded) until the named processing groups have processed the event at {@code head}. */
    public void awaitPosition(long head, String... processingGroups) {
        if (timeout.isZero() || head < 0) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String group : processingGroups) {
            while (!reached(group, head)) {
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
    public long head() {
        return jdbc.sql("select coalesce(max(global_index), -1) from domain_event_entry").query(Long.class).single();
    }

    boolean reached(String group, long head) {
        Map<Integer, EventTrackerStatus> local = localSegments(group);
        if (local != null) {
            return local.values().stream().allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head);
        }
        return committedTokensReached(group, head);
    }

    /**
     * For reads that must answer at once rather than wait for the head (counter checks): the last global index the
     * group's projection has processed, when this JVM runs every segment of it and it has caught up with the event
     * stream since it started and is not replaying. Empty otherwise: right after a start, during a replay, or when
     * another node holds segments; the caller then waits with {@link #await} and reads {@link #committedPosition}.
     */
    public OptionalLong livePosition(String group) {
        Map<Integer, EventTrackerStatus> local = localSegments(group);
        if (local == null || local.isEmpty()
                || !local.values().stream().allMatch(s -> s.isCaughtUp() && !s.isReplaying())) {
            return OptionalLong.empty();
        }
        return localPosition(group);
    }

    /**
     * The least in-memory position of the group's segments when this JVM runs all of them, whether or not the
     * processor has caught up since it started; empty when it does not run them all.
     */
    public OptionalLong localPosition(String group) {
        Map<Integer, EventTrackerStatus> local = localSegments(group);
        if (local == null || local.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(local.values().stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1));
    }

    /** The least position the group's committed tokens have reached, or -1 when a segment has none. */
    public long committedPosition(String group) {
        List<Long> positions = committedPositions(group);
        return positions.isEmpty() ? -1 : positions.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    /** The segments' status when this JVM holds every segment of the running processor, else null. */
    private Map<Integer, EventTrackerStatus> localSegments(String group) {
        StreamingEventProcessor local = processing.eventProcessor(group, StreamingEventProcessor.class).orElse(null);
        if (local != null && local.isRunning()) {
            Map<Integer, EventTrackerStatus> status = local.processingStatus();
            if (holdsAllSegments(status.values())) {
                return status;
            }
        }
        return null;
    }

    static boolean holdsAllSegments(Collection<EventTrackerStatus> segments) {
        long covered = 0;
        for (EventTrackerStatus segment : segments) {
            covered += WHOLE / (segment.getSegment().getMask() + 1L);
        }
        return covered == WHOLE;
    }

    /** True when every segment of the processor has a committed token at or beyond {@code head}. */
    boolean committedTokensReached(String processor, long head) {
        List<Long> positions = committedPositions(processor);
        return !positions.isEmpty() && positions.stream().allMatch(position -> position >= head);
    }

    private List<Long> committedPositions(String processor) {
        return jdbc.sql("select token_type, token from token_entry where processor_name = ?")
                .param(processor)
                .query((rs, n) -> position(rs.getString(1), rs.getBytes(2)))
                .list();
    }

    /** The index a stored token has reached; -1 for no token yet, a replay, or a token type we do not read. */
    static long position(String tokenType, byte[] token) {
        if (token == null || !GAP_AWARE_TOKEN.equals(tokenType)) {
            return -1;
        }
        try {
            JsonNode index = JSON.readTree(token).path("index");
            return index.isNumber() ? index.asLong() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
