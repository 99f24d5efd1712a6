package org.creditledger.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.creditledger.platform.i18n.OperatorLog;

/**
 * Read-your-writes for the read endpoints: before a query answers, waits until the projections it reads have
 * processed every event it must show, so a client that just wrote sees its write. What it must show is either every
 * event that was in the event store when the query arrived ({@link #await}: {@code max(global_index)}) or, for a read
 * of one record, that record's own last event ({@link #awaitAggregate}), so unrelated writes do not lengthen the wait.
 *
 * <p>Where the processor stands comes from one of two sources:
 * <ul>
 *   <li>when this JVM holds every segment of the processor: the in-memory token of each segment, which Axon
 *       advances after the batch's read-model change and token have committed (the fast path, tens of ms);</li>
 *   <li>otherwise (segments held by another node, or not claimed yet right after start-up): the committed tokens in
 *       {@code token_entry}. The tracking processor stores each batch's token in the transaction that changes the
 *       read model, also for batches it ignores, so they are exact. A processor that meets only events it ignores
 *       stores its token after {@code ledger.read.event-availability-timeout} (see {@link ReadModelProcessors}):
 *       measured median 199 ms at the 200 ms default, 999 ms at Axon's 1 s.</li>
 * </ul>
 * A token's index is not enough: events commit out of {@code global_index} order, so a processor can pass index
 * {@code n+1} while {@code n} is still uncommitted and keeps {@code n} as a gap. A position counts as reached only
 * when no gap at or below it holds an event that is in the store now (it committed before the read looked).
 *
 * <p>The wait is a short poll, bounded by {@code ledger.read.catch-up-timeout} (default 2 s). When the projections
 * cannot reach the position in that time the read does not answer from a stale read model: it fails with
 * {@link ReadModelBehind}, a 503 with {@code Retry-After}. A processor replaying (a {@code ReplayToken}) counts as
 * behind on the committed-token path.
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
    private final Hurry hurry;
    private final Map<String, StreamingEventProcessor> processors = new ConcurrentHashMap<>();

    ProjectionCatchUp(EventProcessingConfiguration processing, JdbcClient jdbc, ReadModelSettings settings, Hurry hurry) {
        this.hurry = hurry;
        this.processing = processing;
        this.jdbc = jdbc;
        this.timeout = settings.catchUpTimeout();
    }

    /**
     * Waits (bounded) until the named processing groups have processed the current head of the event store.
     *
     * @throws ReadModelBehind when they do not reach it within {@code ledger.read.catch-up-timeout}
     */
    public void await(String... processingGroups) {
        if (!timeout.isZero()) {
            awaitPosition(head(), processingGroups);
        }
    }

    /**
     * Waits (bounded) until the named processing groups have processed the last event of one aggregate, the record a
     * read shows. An aggregate with no events needs no wait: the read answers "not found" truly.
     *
     * @throws ReadModelBehind when they do not reach it within {@code ledger.read.catch-up-timeout}
     */
    public void awaitAggregate(String aggregateIdentifier, String... processingGroups) {
        if (!timeout.isZero()) {
            awaitPosition(lastEventOf(aggregateIdentifier), processingGroups);
        }
    }

    /**
     * Waits (bounded) until the named processing groups have processed the event at {@code position}.
     *
     * @throws ReadModelBehind when they do not reach it within {@code ledger.read.catch-up-timeout}
     */
    public void awaitPosition(long position, String... processingGroups) {
        if (timeout.isZero() || position < 0) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String group : processingGroups) {
            boolean hurried = false;
            while (!reached(group, position)) {
                if (!hurried) { // once, and only when it is behind: a hurry also skips the processor's next linger
                    hurry.hurry(group);
                    hurried = true;
                }
                if (System.nanoTime() - deadline >= 0) {
                    log.warn(OperatorLog.text("log.read-model.behind", group, position, timeout.toString()));
                    throw new ReadModelBehind(group, position, timeout);
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
    }

    /** The global index of the last event stored, or -1 when the store is empty. */
    public long head() {
        return jdbc.sql("select coalesce(max(global_index), -1) from domain_event_entry").query(Long.class).single();
    }

    /** The global index of one aggregate's last event, or -1 when it has none. */
    long lastEventOf(String aggregateIdentifier) {
        return jdbc.sql("select coalesce(max(global_index), -1) from domain_event_entry where aggregate_identifier = ?")
                .param(aggregateIdentifier).query(Long.class).single();
    }

    boolean reached(String group, long position) {
        Map<Integer, EventTrackerStatus> local = localSegments(group);
        List<Token> tokens = local != null
                ? local.values().stream().map(segment -> Token.of(segment.getTrackingToken())).toList()
                : committedTokens(group);
        return reached(tokens, position);
    }

    /**
     * True when every token has passed {@code position} and none of them skipped, as a gap at or below it, an event
     * that is in the store now.
     */
    boolean reached(List<Token> tokens, long position) {
        if (tokens.isEmpty() || tokens.stream().anyMatch(token -> token.index() < position)) {
            return false;
        }
        Set<Long> gaps = new TreeSet<>();
        tokens.forEach(token -> token.gaps().stream().filter(gap -> gap <= position).forEach(gaps::add));
        return gaps.isEmpty() || !jdbc.sql("select exists (select 1 from domain_event_entry where global_index in (:gaps))")
                .param("gaps", gaps).query(Boolean.class).single();
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
        return OptionalLong.of(leastPosition(local));
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
        return OptionalLong.of(leastPosition(local));
    }

    private static long leastPosition(Map<Integer, EventTrackerStatus> segments) {
        return segments.values().stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    /** The least position the group's committed tokens have reached, or -1 when a segment has none. */
    public long committedPosition(String group) {
        List<Long> positions = committedPositions(group);
        return positions.isEmpty() ? -1 : positions.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    /** The segments' status when this JVM holds every segment of the running processor, else null. */
    private Map<Integer, EventTrackerStatus> localSegments(String group) {
        StreamingEventProcessor local = processor(group);
        if (local != null && local.isRunning()) {
            Map<Integer, EventTrackerStatus> status = local.processingStatus();
            if (holdsAllSegments(status.values())) {
                return status;
            }
        }
        return null;
    }

    /**
     * The group's processor on this JVM, or null. Found once per group: Axon's own lookup copies its map of every
     * processor, and a counter check asks for every answer (benchmarks.md, issue 13, session 10).
     */
    private StreamingEventProcessor processor(String group) {
        StreamingEventProcessor known = processors.get(group);
        if (known == null) {
            known = processing.eventProcessor(group, StreamingEventProcessor.class).orElse(null);
            if (known != null) {
                processors.put(group, known);
            }
        }
        return known;
    }

    static boolean holdsAllSegments(Collection<EventTrackerStatus> segments) {
        long covered = 0;
        for (EventTrackerStatus segment : segments) {
            covered += WHOLE / (segment.getSegment().getMask() + 1L);
        }
        return covered == WHOLE;
    }

    /** True when every segment of the processor has a committed token that has processed the event at {@code position}. */
    boolean committedTokensReached(String processor, long position) {
        return reached(committedTokens(processor), position);
    }

    private List<Long> committedPositions(String processor) {
        return committedTokens(processor).stream().map(Token::index).toList();
    }

    private List<Token> committedTokens(String processor) {
        return jdbc.sql("select token_type, token from token_entry where processor_name = ?")
                .param(processor)
                .query((rs, n) -> token(rs.getString(1), rs.getBytes(2)))
                .list();
    }

    /**
     * Where a segment's token stands: the index it has reached and the lower indexes it skipped because they were
     * not committed when it passed them. Index -1: no token yet, a replay, or a token type we do not read.
     */
    record Token(long index, Set<Long> gaps) {

        static final Token BEHIND = new Token(-1, Set.of());

        static Token of(TrackingToken token) {
            if (token instanceof WrappedToken wrapped) {
                token = wrapped.lowerBound();
            }
            if (token instanceof GapAwareTrackingToken gapAware) {
                return new Token(gapAware.getIndex(), Set.copyOf(gapAware.getGaps()));
            }
            return token == null ? BEHIND : new Token(token.position().orElse(-1), Set.of());
        }
    }

    /** The token a stored row holds, read from the JSON of the ledger's Jackson serializer. */
    static Token token(String tokenType, byte[] token) {
        if (token == null || !GAP_AWARE_TOKEN.equals(tokenType)) {
            return Token.BEHIND;
        }
        try {
            JsonNode json = JSON.readTree(token);
            JsonNode index = json.path("index");
            if (!index.isNumber()) {
                return Token.BEHIND;
            }
            Set<Long> gaps = new TreeSet<>();
            json.path("gaps").forEach(gap -> gaps.add(gap.asLong()));
            return new Token(index.asLong(), gaps);
        } catch (IOException e) {
            return Token.BEHIND;
        }
    }

    /** The index a stored token has reached; -1 for no token yet, a replay, or a token type we do not read. */
    static long position(String tokenType, byte[] token) {
        return token(tokenType, token).index();
    }
}
