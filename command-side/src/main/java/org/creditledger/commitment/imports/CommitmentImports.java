package org.creditledger.commitment.imports;

import org.creditledger.platform.access.Caller;
import org.creditledger.platform.axon.LedgerMetadata;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts import files: whole-file checks at once (so a bad file writes nothing), then a {@code RUNNING} job for the
 * {@link ImportWorker}. The same content (SHA-256) uploaded again returns the existing job.
 */
@Component
class CommitmentImports {

    private final ImportJobStore store;
    private final ImportWorker worker;
    private final Clock clock;
    private final int maxRows;

    CommitmentImports(ImportJobStore store, ImportWorker worker, Clock clock,
                      @Value("${ledger.import.max-rows:200000}") int maxRows) {
        this.store = store;
        this.worker = worker;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    /** An import and whether this upload created it (false: the same file was uploaded before). */
    record Submitted(ImportJob job, boolean created) {
    }

    Submitted submit(String fileName, byte[] content, Caller caller, LedgerMetadata metadata) {
        String sha256 = sha256(content);
        Optional<ImportJob> existing = store.findBySha256(sha256);
        if (existing.isPresent()) {
            return new Submitted(existing.get(), false);
        }
        int[] rows = {0};
        ImportFileReader.read(content, row -> {
            if (++rows[0] > maxRows) {
                throw new UnreadableImportFile("the file has more than " + maxRows + " data rows; split it");
            }
        });
        if (rows[0] == 0) {
            throw new UnreadableImportFile("the file has a header but no data rows");
        }
        ImportJob job = new ImportJob(UUID.randomUUID(), sha256, fileName, ImportFileReader.detect(content).name(),
                caller.keyId(), caller.name(), caller.role().name(), caller.unitId(), metadata.correlationId(),
                metadata.clientRequestId(), ImportJob.State.RUNNING, rows[0], 0, 0, 0, clock.instant(), null, null, null);
        try {
            store.insert(job, content);
        } catch (DuplicateKeyException sameFileAtTheSameTime) {
            return new Submitted(store.findBySha256(sha256).orElseThrow(), false);
        }
        worker.wakeUp();
        return new Submitted(job, true);
    }

    Optional<ImportJob> find(UUID importId) {
        return store.find(importId);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
