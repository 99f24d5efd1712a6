package org.creditledger.check.query;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.creditledger.platform.axon.LedgerEventStore;
import org.creditledger.platform.web.Unavailable;
import org.creditledger.platform.web.ShutdownPhases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.creditledger.platform.i18n.Text;

/**
 * Records checks in the event store before they are answered, with group commit: request threads hand their
 * {@code SubjectCheckedEvent}s to one writer thread and wait; the writer appends everything waiting (up to
 * {@code ledger.check.record-batch} events) in one transaction, then releases the requests of that transaction. One
 * commit (one WAL flush) serves many concurrent checks, so recording costs little per check while every answered
 * check is durable. Measured in {@link CheckMetrics}: checks recorded, checks per commit, time per commit. Its commits
 * do not wake the event store's reader ({@link LedgerEventStore#withoutWakingReaders}): the processors that follow
 * checks (timeline, counts, statistics) find them on its next poll, and nothing a check answers waits for them.
 *
 * <p>When the writer cannot commit (database down), or the queue is full, or the commit takes longer than
 * {@code ledger.check.record-timeout}, the request fails with 503 and the counter gets no answer: a check that was
 * answered is never lost. (After a timeout the check may still be recorded without having been answered.)
 */
@Component
@EnableConfigurationProperties(CheckSettings.class) // ledger.check: mostly the recorder's, and the batch rate limit's
class CheckRecorder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckRecorder.class);

    private final EventStore eventStore;
    private final TransactionManager transactionManager;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final Duration timeout;
    private final CheckMetrics metrics;
    private volatile Thread writer;

    CheckRecorder(EventStore eventStore, TransactionManager transactionManager, CheckSettings settings, CheckMetrics metrics) {
        this.eventStore = eventStore;
        this.transactionManager = transactionManager;
        this.metrics = metrics;
        this.queue = new ArrayBlockingQueue<>(settings.recordQueue());
        this.maxBatch = settings.recordBatch();
        this.timeout = settings.recordTimeout();
    }

    private record Pending(List<EventMessage<?>> events, CompletableFuture<Void> stored) {
    }

    /** Appends the events and returns once they are committed. */
    void record(List<? extends EventMessage<?>> events) {
        Pending pending = new Pending(List.copyOf(events), new CompletableFuture<>());
        if (writer == null || !queue.offer(pending)) {
            throw new NotRecorded(Text.of("query.check.not-accepting"));
        }
        try {
            pending.stored().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotRecorded(Text.of("query.check.interrupted"));
        } catch (ExecutionException e) {
            // the writer logged the cause once for its whole batch; the database's words stay in the log
            throw new NotRecorded(Text.of("query.check.not-recorded"));
        } catch (TimeoutException e) {
            throw new NotRecorded(Text.of("query.check.timeout", timeout.toString()));
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (writer == Thread.currentThread()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int events = first.events().size();
                Pending next;
                while (events < maxBatch && (next = queue.poll()) != null) {
                    batch.add(next);
                    events += next.events().size();
                }
                write(batch);
            } catch (InterruptedException e) {
                break;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<EventMessage<?>> events = new ArrayList<>();
        batch.forEach(pending -> events.addAll(pending.events()));
        long started = System.nanoTime();
        try {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.attachTransaction(transactionManager);
            LedgerEventStore.withoutWakingReaders(unitOfWork); // the follow-up processors find checks on their next poll
            try {
                eventStore.publish(events);
            } catch (RuntimeException e) {
                unitOfWork.rollback(e);
                throw e;
            }
            unitOfWork.commit();
            metrics.committed(events.size(), System.nanoTime() - started);
            batch.forEach(pending -> pending.stored().complete(null));
        } catch (RuntimeException e) {
            metrics.commitFailed();
            log.error("Could not record {} checks", events.size(), e);
            batch.forEach(pending -> pending.stored().completeExceptionally(e));
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::writeLoop, "check-recorder");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    /** Stops taking checks; those already queued are written first. */
    @Override
    public void stop() {
        Thread thread = writer;
        writer = null;
        if (thread != null) {
            try {
                thread.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            write(left);
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    /** In-flight checks are recorded before they are answered: the writer stops only once HTTP has drained. */
    @Override
    public int getPhase() {
        return ShutdownPhases.AFTER_HTTP;
    }

    /**
     * 503 with {@code Retry-After}: the check was not recorded, so it is not answered; the counter may ask again in a
     * few seconds (the database back, the queue drained). The detail is always one of the fixed texts above.
     */
    static class NotRecorded extends Unavailable {
        NotRecorded(Text detail) {
            super(detail, Duration.ofSeconds(5));
        }
    }
}
