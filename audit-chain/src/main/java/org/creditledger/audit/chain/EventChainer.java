package org.creditledger.audit.chain;

import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.creditledger.platform.i18n.OperatorLog;

/**
 * Keeps {@code event_chain} following {@code domain_event_entry}: every {@code ledger.audit.chain.interval}
 * (default 200 ms), {@code ledger.audit.chain.linger} (default 50 ms) after this JVM commits events, and at once when
 * a reader waits for it, it appends the links of newly committed events in global-index order,
 * {@code ledger.audit.chain.batch-size} (default 10,000) per transaction.
 *
 * <p>One chainer at a time over all JVMs sharing the database: each pass runs under the transaction-scoped PostgreSQL
 * advisory lock {@link EventChain#LOCK_KEY}; a JVM that does not get it skips the pass.
 *
 * <p>Gaps (docs/audit-chain.md, "Gaps"): global indexes come from a sequence when the row is inserted, so rows commit
 * out of order, and a rolled-back append leaves an index that stays empty forever. The chainer never chains past a
 * missing index until it is settled:
 * <ol>
 *   <li>when a missing index is first seen (a higher one is committed), every transaction that may still insert it
 *       has already taken it from the sequence, in the INSERT statement that also gives the transaction its id;</li>
 *   <li>at least one interval later the chainer takes a snapshot S ({@code pg_current_snapshot()});</li>
 *   <li>once every transaction in progress in S has ended (all visible in a new snapshot) and, in that same new
 *       snapshot, the index is still empty, its transaction rolled back: the index is recorded as skipped;</li>
 *   <li>whatever happens, after {@code ledger.audit.chain.gap-timeout} (default 60 s, like the event store's gap
 *       timeout) it is skipped with a warning; an event committed there even later is reported by verify as
 *       UNCHAINED.</li>
 * </ol>
 */
@Component
class EventChainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventChainer.class);

    private final EventChain chain;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventBus eventBus;
    private final Clock clock;
    private final Duration interval;
    private final Duration gapTimeout;
    private final int batchSize;
    private final Duration catchUpTimeout;
    private final Duration linger;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    private ScheduledExecutorService executor;
    private Registration subscription;
    /** The lowest missing index the chainer waits on; guarded by {@code this}. */
    private Gap gap;

    @Autowired
    EventChainer(EventChain chain, JdbcTemplate jdbc, TransactionTemplate transactions, EventBus eventBus, Clock clock,
                 AuditChainSettings settings) {
        this(chain, jdbc, transactions, eventBus, clock, settings.interval(), settings.gapTimeout(), settings.batchSize(),
                settings.catchUpTimeout(), settings.linger());
    }

    /** The settings spelled out (see {@link AuditChainSettings}); a test builds an impatient chainer with it. */
    EventChainer(EventChain chain, JdbcTemplate jdbc, TransactionTemplate transactions, EventBus eventBus, Clock clock,
                 Duration interval, Duration gapTimeout, int batchSize, Duration catchUpTimeout, Duration linger) {
        this.linger = linger;
        this.chain = chain;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.eventBus = eventBus;
        this.clock = clock;
        this.interval = interval;
        this.gapTimeout = gapTimeout;
        this.batchSize = batchSize;
        this.catchUpTimeout = catchUpTimeout;
    }

    /** A missing index seen at {@code firstSeen}; {@code snapshot}: the one taken at least an interval later. */
    private record Gap(long from, Instant firstSeen, String snapshot) {
    }

    private record Hashed(long globalIndex, byte[] hash) {
    }

    private record Link(long globalIndex, byte[] eventHash, byte[] link) {
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "event-chainer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::catchUp, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        subscription = eventBus.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> wakeAfterLinger());
            } else {
                wakeAfterLinger();
            }
        });
    }

    @Override
    public void stop() {
        subscription.cancel();
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }

    /**
     * Runs a pass on the chainer's thread after the linger; wakes arriving meanwhile are merged into it, so a steady
     * trickle of commits is chained a few events per transaction, not one.
     */
    private void wakeAfterLinger() {
        if (isRunning() && wakeQueued.compareAndSet(false, true)) {
            executor.schedule(() -> {
                wakeQueued.set(false);
                catchUp();
            }, linger.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Runs a pass at once on the chainer's thread: somebody waits for the chain. */
    void wake() {
        if (isRunning()) {
            executor.execute(this::catchUp);
        }
    }

    /**
     * Wakes the chainer and waits, at most {@code ledger.audit.chain.catch-up-timeout} (default 2 s), until the chain
     * reaches {@code globalIndex}. Returns the chain's tail then, reached or not.
     */
    EventChain.Tail awaitChained(long globalIndex) {
        long deadline = System.nanoTime() + catchUpTimeout.toNanos();
        EventChain.Tail tail = chain.tail();
        if (tail.globalIndex() < globalIndex) {
            wake();
        }
        while (tail.globalIndex() < globalIndex && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            tail = chain.tail();
        }
        return tail;
    }

    private void catchUp() {
        try {
            while (chainOnce() == batchSize) {
                // a full batch: more events may be waiting
            }
        } catch (RuntimeException e) {
            log.warn(OperatorLog.text("log.chain.failed", interval.toString(), e.toString()));
        }
    }

    /**
     * One pass: appends the links of the events above the chain's tail, up to the first unsettled missing index.
     * Returns the number of events chained, 0 when another JVM holds the lock.
     */
    synchronized int chainOnce() {
        Integer chained = transactions.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, EventChain.LOCK_KEY))) {
                return 0;
            }
            EventChain.Tail tail = chain.tail();
            List<Hashed> events = jdbc.query("select e.global_index, " + EventChain.EVENT_HASH
                            + " from domain_event_entry e where e.global_index > ? order by e.global_index limit ?",
                    (rs, n) -> new Hashed(rs.getLong(1), rs.getBytes(2)), tail.globalIndex(), batchSize);
            List<Link> links = new ArrayList<>();
            long expected = tail.globalIndex() + 1;
            byte[] link = tail.link();
            int count = 0;
            for (Hashed event : events) {
                if (event.globalIndex() > expected) {
                    if (!gapSettled(expected, event.globalIndex())) {
                        break;
                    }
                    for (long skipped = expected; skipped < event.globalIndex(); skipped++) {
                        links.add(new Link(skipped, null, link));
                    }
                }
                link = VerifyDisputePackage.link(link, event.hash());
                links.add(new Link(event.globalIndex(), event.hash(), link));
                expected = event.globalIndex() + 1;
                count++;
            }
            jdbc.batchUpdate("insert into event_chain (global_index, event_hash, link) values (?, ?, ?)", links, 1000,
                    (ps, l) -> {
                        ps.setLong(1, l.globalIndex());
                        ps.setBytes(2, l.eventHash());
                        ps.setBytes(3, l.link());
                    });
            return count;
        });
        return chained == null ? 0 : chained;
    }

    /** Whether the missing indexes {@code from} (inclusive) to {@code to} (exclusive) can no longer fill. */
    private boolean gapSettled(long from, long to) {
        Instant now = clock.instant();
        if (gap == null || gap.from() != from) {
            gap = new Gap(from, now, null);
            return false;
        }
        if (!now.isBefore(gap.firstSeen().plus(gapTimeout))) {
            log.warn(OperatorLog.text("log.chain.gap", from, to - 1, gapTimeout.toString()));
            return true;
        }
        if (gap.snapshot() == null) {
            if (!now.isBefore(gap.firstSeen().plus(interval))) {
                gap = new Gap(from, gap.firstSeen(), jdbc.queryForObject("select pg_current_snapshot()::text", String.class));
            }
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                        select not exists (select 1 from pg_snapshot_xip(cast(? as pg_snapshot)) as s(xid)
                                           where not pg_visible_in_snapshot(s.xid, pg_current_snapshot()))
                           and not exists (select 1 from domain_event_entry where global_index >= ? and global_index < ?)""",
                Boolean.class, gap.snapshot(), from, to));
    }
}
