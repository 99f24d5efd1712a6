package org.creditledger.commitment.imports;

import org.creditledger.commitment.imports.ImportFileReader.StopReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one background thread that runs imports, oldest first, one at a time: the queue is the {@code RUNNING} rows of
 * {@code commitment_import}, so queued and interrupted jobs survive a restart. At start it resumes every
 * {@code RUNNING} job after its last committed row; at shutdown it stops between chunks.
 */
@Component
class ImportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private final ImportJobStore store;
    private final ImportChunkProcessor chunks;
    private final Clock clock;
    private final int chunkSize;
    private final BlockingQueue<Boolean> wake = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    ImportWorker(ImportJobStore store, ImportChunkProcessor chunks, Clock clock,
                 @Value("${ledger.import.chunk-size:1000}") int chunkSize) {
        this.store = store;
        this.chunks = chunks;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    /** Looks for work now (after an upload). */
    void wakeUp() {
        wake.offer(Boolean.TRUE);
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, "commitment-import");
        thread.setDaemon(true);
        thread.start();
        wakeUp(); // resume jobs a restart interrupted
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        Thread worker = thread;
        if (worker != null) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
            Optional<ImportJob> next = store.nextRunning();
            if (next.isEmpty()) {
                return;
            }
            run(next.get());
        }
    }

    private void run(ImportJob job) {
        store.markStarted(job.importId(), clock.instant());
        int resumeAfter = store.lastStoredRow(job.importId());
        if (resumeAfter > 0) {
            log.info("Import {}: resuming after row {}", job.importId(), resumeAfter);
        }
        byte[] content = store.content(job.importId());
        List<ImportRow> chunk = new ArrayList<>(chunkSize);
        try {
            ImportFileReader.read(content, row -> {
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
            store.finish(job.importId(), ImportJob.State.DONE, null, clock.instant());
        } catch (StopReading e) {
            log.info("Import {}: stopped for shutdown; it resumes at the next start", job.importId());
        } catch (RuntimeException e) {
            log.error("Import {} failed", job.importId(), e);
            store.finish(job.importId(), ImportJob.State.FAILED, String.valueOf(e.getMessage()), clock.instant());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BUSINESS_ZONE));
    }
}
