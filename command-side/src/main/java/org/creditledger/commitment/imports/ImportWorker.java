package org.creditledger.commitment.imports;

import org.creditledger.commitment.imports.ImportFileReader.StopReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The background threads that run imports of every {@link ImportKind}, oldest first: {@code ledger.imports.parallel-parses} of them per node, so
 * at most that many files are parsed at once and the rest wait {@code QUEUED}. The queue is the {@code QUEUED} and
 * {@code RUNNING} rows of {@code commitment_import}, so queued and interrupted jobs survive a restart; at start the
 * threads resume them, after the last committed row; at shutdown they stop between chunks.
 * <p>A job is read twice from a local copy of the stored file: first to count its rows (a file that is unreadable,
 * over the limits or over {@code max-rows} fails before any row is posted, so it writes nothing), then to post them
 * in chunks. A job that fails gets a fixed error text; the exception is logged here, never shown.
 */
@Component
class ImportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    static final String FAILED_INTERNALLY = "The import stopped because of an error on the ledger's side; "
            + "the rows already reported stay imported. Ask the administrator to look at the server log.";

    private final ImportJobStore store;
    private final ImportChunkProcessor chunks;
    private final Clock clock;
    private final ImportsProperties properties;
    private final BlockingQueue<Boolean> wake = new LinkedBlockingQueue<>();
    /** Jobs a thread of this node is working on: the other threads pass them by. */
    private final Set<UUID> busy = new HashSet<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    ImportWorker(ImportJobStore store, ImportChunkProcessor chunks, Clock clock, ImportsProperties properties) {
        this.store = store;
        this.chunks = chunks;
        this.clock = clock;
        this.properties = properties;
    }

    /** Looks for work now (after an upload). */
    void wakeUp() {
        for (int i = 0; i < Math.max(1, properties.parallelParses()); i++) {
            wake.offer(Boolean.TRUE);
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < properties.parallelParses(); i++) {
            Thread thread = new Thread(this::loop, "commitment-import-" + (i + 1));
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        wakeUp(); // resume jobs a restart interrupted
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Last to start (after Axon subscribed its command handlers), first to stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private void loop() {
        while (running) {
            try {
                wake.poll(30, TimeUnit.SECONDS);
                drain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Import worker failed; it retries on the next upload or in 30 s", e);
            }
        }
    }

    private void drain() {
        while (running) {
            Optional<ImportJob> next = claim();
            if (next.isEmpty()) {
                return;
            }
            try {
                run(next.get());
            } finally {
                release(next.get().importId());
            }
        }
    }

    private synchronized Optional<ImportJob> claim() {
        Optional<ImportJob> next = store.nextToProcess(busy);
        next.ifPresent(job -> busy.add(job.importId()));
        return next;
    }

    private synchronized void release(UUID importId) {
        busy.remove(importId);
    }

    private void run(ImportJob job) {
        store.markStarted(job.importId(), clock.instant());
        Path file = CommitmentImports.createTempFile();
        try {
            store.copyContent(job.importId(), file);
            if (job.total() == null) {
                store.setTotal(job.importId(), count(job, file));
            }
            post(job, file);
            store.finish(job.importId(), ImportJob.State.DONE, null, clock.instant());
        } catch (StopReading e) {
            log.info("Import {}: stopped for shutdown; it resumes at the next start", job.importId());
        } catch (UnreadableImportFile e) {
            log.info("Import {} refused: {}", job.importId(), e.getMessage());
            store.finish(job.importId(), ImportJob.State.FAILED, e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            log.error("Import {} failed", job.importId(), e);
            store.finish(job.importId(), ImportJob.State.FAILED, FAILED_INTERNALLY, clock.instant());
        } finally {
            CommitmentImports.delete(file);
        }
    }

    /** The data rows of the file, or a whole-file problem; nothing is posted yet. */
    private int count(ImportJob job, Path file) {
        int[] rows = {0};
        ImportFileReader.read(file, properties, job.kind().columns(), row -> {
            if (++rows[0] > properties.maxRows()) {
                throw new UnreadableImportFile("the file has more than " + properties.maxRows() + " data rows; split it");
            }
            if (!running) {
                throw new StopReading();
            }
        });
        if (rows[0] == 0) {
            throw new UnreadableImportFile("the file has a header but no data rows");
        }
        return rows[0];
    }

    private void post(ImportJob job, Path file) {
        int resumeAfter = store.lastStoredRow(job.importId());
        if (resumeAfter > 0) {
            log.info("Import {}: resuming after row {}", job.importId(), resumeAfter);
        }
        int chunkSize = properties.chunkSize();
        List<SheetRow> chunk = new ArrayList<>(chunkSize);
        ImportFileReader.read(file, properties, job.kind().columns(), row -> {
            if (row.row() <= resumeAfter) {
                return;
            }
            chunk.add(row);
            if (chunk.size() >= chunkSize) {
                if (!running) {
                    throw new StopReading();
                }
                chunks.process(job, chunk, today());
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            chunks.process(job, chunk, today());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BUSINESS_ZONE));
    }
}
