package org.creditledger.commitment.imports;

import org.creditledger.platform.access.Caller;
import org.axonframework.messaging.MetaData;
import org.creditledger.platform.axon.LedgerMetadata;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code commitment_import} without the file bytes; {@code kind} says what its rows are. {@code total} is null until the worker has counted the
 * rows; {@code dedupScope} is whose uploads the file hash is unique among ({@link #dedupScopeOf}).
 */
record ImportJob(UUID importId, String sha256, String dedupScope, String fileName, String format, UUID uploaderKeyId, String uploaderName,
                 String uploaderRole, String uploaderUnit, String correlationId, String clientRequestId, State state,
                 Integer total, int processed, int accepted, int rejected, Instant uploadedAt, Instant startedAt,
                 Instant finishedAt, String error, ImportKind kind) {

    /** QUEUED: accepted, waiting for a free parser; RUNNING: being counted and posted (or interrupted, to resume). */
    enum State { QUEUED, RUNNING, DONE, FAILED }

    /**
     * Uploads are de-duplicated within the uploader's unit (a unit-bound key), else within the key itself: the rows'
     * units are unknown before the file is parsed. So one unit can neither block another's upload nor learn of it.
     */
    static String dedupScopeOf(Caller caller) {
        return caller.unitId() != null ? "unit:" + caller.unitId() : "key:" + caller.keyId();
    }

    /** The uploader's who/why, with {@code request} naming the row, so every event says which import row caused it. */
    LedgerMetadata metadataForRow(int row) {
        return new LedgerMetadata(uploaderKeyId.toString(), uploaderName, uploaderRole, uploaderUnit, null,
                correlationId, clientRequestId, "import " + importId + " row " + row);
    }

    /**
     * The metadata of a row's command and events: {@link #metadataForRow}, and when the upload was accepted
     * ({@link LedgerMetadata#ACCEPTED_AT}), the time a quota counts the row at.
     */
    MetaData metaDataForRow(int row) {
        return metadataForRow(row).toMetaData().and(LedgerMetadata.ACCEPTED_AT, uploadedAt.toString());
    }

    /** Rows per second of processing, from the job's own timestamps; null before processing began. */
    Double rowsPerSecond(Instant now) {
        if (startedAt == null || processed == 0) {
            return null;
        }
        Instant end = finishedAt != null ? finishedAt : now;
        double seconds = Math.max(0.001, (end.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
        return Math.round(processed / seconds * 10) / 10.0;
    }
}
