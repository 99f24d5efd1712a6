package org.creditledger.commitment.imports;

import org.creditledger.platform.access.Caller;
import org.creditledger.platform.axon.LedgerMetadata;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts import files without parsing them: the upload is streamed to a temporary file and hashed (SHA-256) on the
 * way; the cheap whole-file checks of {@link ImportFileReader#precheck} run (so an obviously bad file writes nothing);
 * then the file is stored with a {@code QUEUED} job for the {@link ImportWorker}, which counts and posts the rows.
 * Letters and outcomes ({@link ImportKind}) are accepted alike. The same content uploaded again for the same kind in the same scope ({@link ImportJob#dedupScopeOf}) returns the existing job.
 * <p>The file is kept in the database, not on a node's disk: an accepted import survives a crash of the node that
 * accepted it and is imported by whichever node on the same database has a free parser.
 */
@Component
class CommitmentImports {

    private final ImportJobStore store;
    private final ImportWorker worker;
    private final Clock clock;
    private final ImportsProperties properties;

    CommitmentImports(ImportJobStore store, ImportWorker worker, Clock clock, ImportsProperties properties) {
        this.store = store;
        this.worker = worker;
        this.clock = clock;
        this.properties = properties;
    }

    /** An import and whether this upload created it (false: the same file was uploaded before). */
    record Submitted(ImportJob job, boolean created) {
    }

    Submitted submit(ImportKind kind, String fileName, InputStream upload, Caller caller, LedgerMetadata metadata) {
        Path file = createTempFile();
        try {
            String sha256 = copyHashing(upload, file);
            String scope = ImportJob.dedupScopeOf(caller);
            Optional<ImportJob> existing = store.findBySha256(kind, scope, sha256);
            if (existing.isPresent()) {
                return new Submitted(existing.get(), false);
            }
            ImportFileReader.precheck(file, properties, kind.columns());
            ImportJob job = new ImportJob(UUID.randomUUID(), sha256, scope, fileName, ImportFileReader.detect(file).name(),
                    caller.keyId(), caller.name(), caller.role().name(), caller.unitId(), metadata.correlationId(),
                    metadata.clientRequestId(), ImportJob.State.QUEUED, null, 0, 0, 0, clock.instant(), null, null, null, kind);
            try {
                store.insert(job, file);
            } catch (DuplicateKeyException sameFileAtTheSameTime) {
                return new Submitted(store.findBySha256(kind, scope, sha256).orElseThrow(), false);
            }
            worker.wakeUp();
            return new Submitted(job, true);
        } finally {
            delete(file);
        }
    }

    Optional<ImportJob> find(ImportKind kind, UUID importId) {
        return store.find(kind, importId);
    }

    /** Copies the upload to {@code file} and returns its SHA-256, in one pass over a small buffer. */
    private static String copyHashing(InputStream upload, Path file) {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(upload, sha256); OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the uploaded file", e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    static Path createTempFile() {
        try {
            return Files.createTempFile("ledger-import-", ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary file for an import", e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
