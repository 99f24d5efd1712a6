package org.creditledger.readmodel.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.springboot.TokenStoreProperties;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.creditledger.platform.i18n.OperatorLog;
import org.creditledger.platform.i18n.Text;

/**
 * Rebuilds a projection from the event store while its read endpoints keep answering from the live tables.
 * <ol>
 *   <li>Empty copies of the projection's tables are made in a schema of its own, {@code rebuild_<group>}
 *       ({@link ShadowTables}).</li>
 *   <li>Every event, from the first, goes through the group's own handlers into the copies ({@link ShadowReplay}),
 *       {@code ledger.rebuild.batch-size} events per transaction. The live processor keeps the live tables current
 *       meanwhile.</li>
 *   <li>When the copies have caught up, the live processor stops, the copies take the events that arrived meanwhile,
 *       and one transaction drops the live tables, moves the copies into their place and sets the processor's token
 *       (every segment) to the last event the copies hold. The processor is started again in that transaction, so
 *       a rebuild is never shown DONE (nor FAILED) while its processor is stopped; its first claim waits for the
 *       commit and resumes right after the copies' last event. Reads wait only for that last transaction.</li>
 * </ol>
 * A failure at any step drops the copies and leaves the live tables and the processor's token as they were; the
 * rebuild is then FAILED with the reason. One rebuild per projection at a time, across all nodes: a session-level
 * PostgreSQL advisory lock, held by a connection of the rebuild, decides; a node that dies releases it with its
 * connections. The processor is stopped on this node only: should another node hold its segments at the switch,
 * the token cannot be claimed and the rebuild fails, leaving everything as it was.
 *
 * <p>Gauges per {@code projection}: {@code ledger.rebuild.running} (1 while this node runs a rebuild of it) and
 * {@code ledger.rebuild.progress}, events replayed over the events stored when the rebuild began (0 to 1) of the rebuild
 * this node runs or ran last; 0 before any. Events appended during a rebuild are replayed too, so it is capped at 1.
 */
@Component
public class ProjectionRebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    /** First key of the advisory locks of rebuilds ("RBLD"); the second is the hash of the processing group. */
    private static final int LOCK_CLASS = 0x52424C44;
    /** Axon's default {@code tokenClaimInterval} of tracking processors: how often one tries to claim a segment. */
    private static final Duration TOKEN_CLAIM_INTERVAL = Duration.ofSeconds(5);

    private final Map<String, RebuildableProjection> projections;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final Serializer serializer;
    private final ShadowTables shadowTables;
    private final ShadowTransactions shadowTransactions;
    private final RebuildJobStore jobs;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;
    private final Duration lockTimeout;
    /** How long the switch waits for this node's processor to hold every segment (see {@link #awaitOwnClaims}). */
    private final Duration claimWait;
    private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;
    /** The rebuild of each projection this node runs or ran last, for the gauges. */
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();

    private record Progress(long totalEvents, ShadowReplay replay, boolean finished) {

        double fraction() {
            if (replay == null) {
                return 0; // not replaying yet, or failed before it began
            }
            return totalEvents == 0 ? 1 : Math.min(1.0, (double) replay.processed() / totalEvents);
        }
    }

    ProjectionRebuilds(List<RebuildableProjection> rebuildable, EventProcessingConfiguration processing, EventStore eventStore,
                       TokenStore tokenStore, Serializer serializer, ShadowTables shadowTables,
                       ShadowTransactions shadowTransactions, RebuildJobStore jobs,
                       JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock,
                       RebuildSettings settings, TokenStoreProperties tokenStoreSettings, MeterRegistry meters) {
        this.projections = rebuildable.stream().collect(Collectors.toMap(RebuildableProjection::processingGroup,
                Function.identity(), (a, b) -> {
                    throw new IllegalStateException("processing group " + a.processingGroup() + " is declared rebuildable twice");
                }, TreeMap::new));
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.serializer = serializer;
        this.shadowTables = shadowTables;
        this.shadowTransactions = shadowTransactions;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.batchSize = settings.batchSize();
        this.lockTimeout = settings.lockTimeout();
        this.claimWait = tokenStoreSettings.getClaimTimeout().plus(TOKEN_CLAIM_INTERVAL);
        for (String name : projections.keySet()) {
            Gauge.builder("ledger.rebuild.running", () -> progressOf(name).filter(p -> !p.finished()).isPresent() ? 1 : 0)
                    .tag("projection", name).description("1 while this node rebuilds the projection").register(meters);
            Gauge.builder("ledger.rebuild.progress", () -> progressOf(name).map(Progress::fraction).orElse(0.0))
                    .tag("projection", name)
                    .description("Share of the events replayed by the rebuild of the projection this node runs or ran last")
                    .register(meters);
        }
    }

    private Optional<Progress> progressOf(String name) {
        return Optional.ofNullable(progress.get(name));
    }

    /**
     * A rebuildable projection and where its processor stands.
     *
     * @param position the global index of the last event its processor committed (the lowest over its segments);
     *                 null before it stored one
     */
    public record ProjectionStatus(String name, List<String> tables, Long position, boolean processorRunning) {
    }

    /** Every rebuildable projection, by name. */
    public List<ProjectionStatus> projections() {
        return projections.values().stream()
                .map(p -> new ProjectionStatus(p.processingGroup(), p.tables(), committedPosition(p.processingGroup()),
                        processor(p.processingGroup()).isRunning()))
                .toList();
    }

    /**
     * The latest rebuild of the projection. One shown as running whose lock nobody holds was abandoned by a node that
     * stopped: it is marked FAILED first.
     */
    public Optional<RebuildJob> latest(String name) {
        projection(name);
        Optional<RebuildJob> latest = jobs.latest(name);
        if (latest.isPresent() && latest.get().state() == RebuildJob.State.RUNNING) {
            Optional<Connection> lock = tryLock(name);
            if (lock.isPresent()) {
                jobs.abandonRunning(name, clock.instant());
                unlock(lock.get(), name);
                return jobs.latest(name);
            }
        }
        return latest;
    }

    /** Starts rebuilding the projection in the background; 409 while a rebuild of it runs anywhere. */
    public RebuildJob rebuild(String name, Caller caller) {
        RebuildableProjection projection = projection(name);
        StreamingEventProcessor processor = processor(name);
        if (!running) {
            throw new IllegalStateException("the application is shutting down");
        }
        Connection lock = tryLock(name).orElseThrow(() -> new RebuildAlreadyRunning(name));
        try {
            jobs.abandonRunning(name, clock.instant());
            long total = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
            RebuildJob job = new RebuildJob(UUID.randomUUID(), name, RebuildJob.State.RUNNING, total, 0, null,
                    caller.name() + " (" + caller.keyId() + ")", clock.instant(), null, null);
            jobs.insert(job);
            workers.execute(() -> run(job, projection, processor, lock));
            return job;
        } catch (RuntimeException e) {
            unlock(lock, name);
            throw e;
        }
    }

    private void run(RebuildJob job, RebuildableProjection projection, StreamingEventProcessor processor, Connection lock) {
        String group = projection.processingGroup();
        ShadowTables.Shadow shadow = null;
        boolean stoppedProcessor = false;
        progress.put(group, new Progress(job.totalEvents(), null, false));
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            log.info(OperatorLog.text("log.rebuild.start", job.rebuildId(), group, job.totalEvents(),
                    String.join(", ", projection.tables())));
            shadow = transactions.execute(status -> shadowTables.create(group, projection.tables()));
            ShadowReplay replay = new ShadowReplay(events, handlers(processor), shadow, shadowTransactions, jobs,
                    job.rebuildId(), batchSize, () -> !running);
            progress.put(group, new Progress(job.totalEvents(), replay, false));
            replay.catchUp();
            ShadowTables.Shadow copies = shadow;
            transactions.executeWithoutResult(status -> shadowTables.analyze(copies));
            awaitOwnClaims(processor, group);
            long pausedAt = System.nanoTime();
            if (processor.isRunning()) {
                processor.shutDown();
                stoppedProcessor = true;
            }
            replay.catchUp();
            long switchAt = System.nanoTime();
            boolean restart = stoppedProcessor;
            transactions.executeWithoutResult(status -> {
                shadowTables.swap(copies, lockTimeout.toMillis() + "ms");
                resumeProcessorAt(group, replay.token());
                jobs.finish(job.rebuildId(), RebuildJob.State.DONE, null, clock.instant());
                // Started before the commit, so nobody reads DONE while the processor is still stopped. Its first
                // claim waits on the token rows this transaction holds and so reads the tokens it commits; should the
                // commit fail, it claims the old tokens, which match the old tables kept by the rollback.
                if (restart) {
                    processor.start();
                }
            });
            long switchedAt = System.nanoTime();
            log.info(OperatorLog.text("log.rebuild.done", job.rebuildId(), group, ShadowReplay.position(replay.token()),
                    (switchedAt - pausedAt) / 1_000_000, (switchedAt - switchAt) / 1_000_000));
        } catch (InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (stoppedProcessor) {
                startAgain(processor); // before FAILED is shown, as DONE is: whoever reads either finds it running
            }
            fail(job, shadow, e);
        } finally {
            progress.computeIfPresent(group, (name, p) -> new Progress(p.totalEvents(), p.replay(), true));
            if (stoppedProcessor) {
                startAgain(processor);
            }
            unlock(lock, group);
        }
    }

    private static void startAgain(StreamingEventProcessor processor) {
        if (!processor.isRunning()) {
            processor.start();
        }
    }

    private void fail(RebuildJob job, ShadowTables.Shadow shadow, Exception e) {
        log.error("Rebuild {} of projection {} failed; the live tables are unchanged", job.rebuildId(), job.name(), e);
        try {
            if (shadow != null) {
                ShadowTables.Shadow copies = shadow;
                transactions.executeWithoutResult(status -> shadowTables.drop(copies));
            }
        } finally {
            jobs.finish(job.rebuildId(), RebuildJob.State.FAILED, reason(e), clock.instant());
        }
    }

    /**
     * The switch sets the token of every segment, which it can only do for segments nobody else holds: the processor
     * here releases its own claims when it stops for the switch. A node killed with {@code kill -9} leaves its claims
     * until they are older than the claim timeout, and this node's processor takes them over at its next attempt. So
     * right after such a restart the switch waits (at most claim timeout + claim interval) until this node's
     * processor holds every segment; if another live node holds them, the switch fails after the wait, as before.
     */
    private void awaitOwnClaims(StreamingEventProcessor processor, String group) throws InterruptedException {
        long deadline = System.nanoTime() + claimWait.toNanos();
        while (running && processor.isRunning() && processor.processingStatus().size() < tokenStore.fetchSegments(group).length
                && System.nanoTime() - deadline < 0) {
            Thread.sleep(100);
        }
    }

    /** What went wrong, on one line: the failing event if a handler failed, else the innermost cause's own words. */
    static String reason(Throwable e) {
        if (e instanceof ShadowReplay.EventFailed) {
            return e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    /** Every segment's token at the last event the copies hold, unclaimed, so the processor resumes right after it. */
    private void resumeProcessorAt(String group, TrackingToken token) {
        int[] segments = tokenStore.fetchSegments(group);
        if (segments.length == 0) {
            tokenStore.initializeTokenSegments(group, 1, token);
            return;
        }
        for (int segment : segments) {
            tokenStore.storeToken(token, group, segment);
            tokenStore.releaseClaim(group, segment);
        }
    }

    /** The handlers the group's live processor calls. */
    private static List<EventMessageHandler> handlers(StreamingEventProcessor processor) {
        if (processor instanceof AbstractEventProcessor withInvoker) {
            return handlers(withInvoker.eventHandlerInvoker(), processor.getName());
        }
        throw new IllegalStateException("cannot find the event handlers of processor " + processor.getName());
    }

    private static List<EventMessageHandler> handlers(EventHandlerInvoker invoker, String processor) {
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            return simple.eventHandlers();
        }
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(delegate -> handlers(delegate, processor).stream()).toList();
        }
        throw new IllegalStateException("cannot find the event handlers of processor " + processor + " in " + invoker);
    }

    private RebuildableProjection projection(String name) {
        RebuildableProjection projection = projections.get(name);
        if (projection == null) {
            throw new UnknownProjection(name, projections.keySet());
        }
        return projection;
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow(() ->
                new IllegalStateException("projection " + group + " has no streaming event processor"));
    }

    /** The lowest position of the processor's stored segment tokens; null if it has none yet. */
    private Long committedPosition(String group) {
        List<Long> positions = jdbc.sql("select token_type, token from token_entry where processor_name = ?").param(group)
                .query((rs, n) -> {
                    byte[] token = rs.getBytes(2);
                    if (token == null) {
                        return -1L;
                    }
                    TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, rs.getString(1), null));
                    return tracking.position().orElse(-1L);
                })
                .list();
        return positions.isEmpty() || positions.contains(-1L) ? null : positions.stream().min(Long::compare).orElseThrow();
    }

    /** A connection holding the projection's rebuild lock; empty if another session holds it. */
    private Optional<Connection> tryLock(String name) {
        boolean locked = false;
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
                statement.setInt(1, LOCK_CLASS);
                statement.setString(2, name);
                try (ResultSet result = statement.executeQuery()) {
                    locked = result.next() && result.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the rebuild lock of " + name, e);
        } finally {
            if (!locked && connection != null) {
                closeQuietly(connection);
            }
        }
        return locked ? Optional.of(connection) : Optional.empty();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Could not close a connection", e);
        }
    }

    private static void unlock(Connection connection, String name) {
        try (connection; PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
            statement.setInt(1, LOCK_CLASS);
            statement.setString(2, name);
            statement.execute();
        } catch (SQLException e) {
            log.warn("Could not release the rebuild lock of {}; it goes with the connection", name, e);
        }
    }

    /**
     * A node killed during a rebuild ({@code kill -9}, a crash) left it RUNNING and its copies in
     * {@code rebuild_<group>}; the live tables and the processor's token were never touched (the switch is one
     * transaction). At start, each such rebuild nobody runs (its lock is free) is marked FAILED and its copies
     * dropped, so a new rebuild can start and no half-filled schema stays behind. A failure here (the database
     * not reachable yet) is logged and left for the next start, or for {@link #latest} and the next rebuild, which
     * clean up too.
     */
    @Override
    public void start() {
        running = true;
        for (String name : projections.keySet()) {
            try {
                Optional<Connection> lock = tryLock(name);
                if (lock.isEmpty()) {
                    continue; // a rebuild of it runs on another node
                }
                try {
                    jobs.abandonRunning(name, clock.instant());
                    if (transactions.execute(status -> shadowTables.dropLeftover(name))) {
                        log.info(OperatorLog.text("log.rebuild.leftover-dropped", name, ShadowTables.schemaOf(name)));
                    }
                } finally {
                    unlock(lock.get(), name);
                }
            } catch (RuntimeException e) {
                log.warn(OperatorLog.text("log.rebuild.leftover-unchecked", name, reason(e)));
            }
        }
    }

    /** A running rebuild stops at its next batch, fails and drops its copies; the live tables stay as they are. */
    @Override
    public void stop() {
        running = false;
        workers.shutdown();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** No projection of this name is rebuildable. */
    static class UnknownProjection extends LedgerProblem {
        UnknownProjection(String name, java.util.Set<String> known) {
            super(ProblemType.NOT_FOUND, Text.of("readmodel.rebuild.unknown", name, String.join(", ", known)));
        }
    }

    /** A rebuild of this projection is already running, on this node or another. */
    static class RebuildAlreadyRunning extends LedgerProblem {
        RebuildAlreadyRunning(String name) {
            super(ProblemType.CONFLICT, Text.of("readmodel.rebuild.running", name));
        }
    }
}
