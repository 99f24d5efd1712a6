package org.creditledger.commitment.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditledger.platform.web.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** JDBC access to {@code commitment_import} and {@code commitment_import_row}. Joins the caller's transaction. */
@Component
class ImportJobStore {

    private static final TypeReference<List<RowProblem>> PROBLEMS = new TypeReference<>() { };
    /** Slices of the stored file read back per query: the driver holds a whole {@code bytea} value in memory. */
    private static final int SLICE_BYTES = 1024 * 1024;
    private static final String JOB_COLUMNS = "import_id, file_sha256, dedup_scope, file_name, file_format, uploader_key_id, uploader_name, "
            + "uploader_role, uploader_unit, correlation_id, client_request_id, state, total, processed, accepted, rejected, "
            + "uploaded_at, started_at, finished_at, error, kind";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ObjectMapper json;

    ImportJobStore(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** One stored row result; {@code errors} empty for accepted rows; {@code line} null for rows stored before lines were. */
    record RowResult(int row, Integer line, ImportRowStatus status, UUID commitmentId, List<RowProblem> errors) {
    }

    enum ImportRowStatus { ACCEPTED, REJECTED }

    /** Stores a new job with the file's bytes, streamed from {@code file} (never the whole file in memory). */
    void insert(ImportJob job, Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        template.update("insert into commitment_import (" + JOB_COLUMNS + ", content) values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            Object[] values = {job.importId(), job.sha256(), job.dedupScope(), job.fileName(), job.format(), job.uploaderKeyId(),
                    job.uploaderName(), job.uploaderRole(), job.uploaderUnit(), job.correlationId(), job.clientRequestId(),
                    job.state().name(), job.total(), job.processed(), job.accepted(), job.rejected(), ts(job.uploadedAt()),
                    ts(job.startedAt()), ts(job.finishedAt()), job.error(), job.kind().name()};
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try {
                // pgjdbc sends a stream of known length straight to the socket
                ps.setBinaryStream(values.length + 1, Files.newInputStream(file), size);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    Optional<ImportJob> find(UUID importId) {
        return jdbc.sql("select " + JOB_COLUMNS + " from commitment_import where import_id = ?").param(importId)
                .query(JOB).optional();
    }

    /** The import of this kind with this id: an outcome import is no letter import, and the other way round. */
    Optional<ImportJob> find(ImportKind kind, UUID importId) {
        return jdbc.sql("select " + JOB_COLUMNS + " from commitment_import where import_id = ? and kind = ?")
                .params(importId, kind.name()).query(JOB).optional();
    }

    /** The import of the same kind and bytes by the same uploader scope (a unit, or a key without a unit). */
    Optional<ImportJob> findBySha256(ImportKind kind, String dedupScope, String sha256) {
        return jdbc.sql("select " + JOB_COLUMNS + " from commitment_import where kind = ? and dedup_scope = ? and file_sha256 = ?")
                .params(kind.name(), dedupScope, sha256).query(JOB).optional();
    }

    /**
     * One page of the imports uploaded by keys of {@code unit} (every import when null), newest first, with the count
     * of all of them; both queries use the same WHERE and an index in this order.
     */
    Page<ImportJob> list(ImportKind kind, String unit, int page, int size) {
        String where = " where kind = :kind" + (unit == null ? "" : " and uploader_unit = :unit");
        Map<String, Object> params = unit == null ? Map.of("kind", kind.name()) : Map.of("kind", kind.name(), "unit", unit);
        long total = jdbc.sql("select count(*) from commitment_import" + where).params(params).query(Long.class).single();
        List<ImportJob> items = jdbc.sql("select " + JOB_COLUMNS + " from commitment_import" + where
                        + " order by uploaded_at desc, import_id desc limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", Page.offset(page, size))
                .query(JOB).list();
        return new Page<>(items, page, size, total);
    }

    /** How many jobs are in each state (states without jobs are absent). */
    Map<ImportJob.State, Long> countByState() {
        Map<ImportJob.State, Long> counts = new EnumMap<>(ImportJob.State.class);
        jdbc.sql("select state, count(*) from commitment_import group by state")
                .query((rs, n) -> counts.put(ImportJob.State.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /** The oldest job still to be (or being) processed whose id is not in {@code busy}. */
    Optional<ImportJob> nextToProcess(Collection<UUID> busy) {
        UUID[] skip = busy.toArray(UUID[]::new);
        return jdbc.sql("select " + JOB_COLUMNS + " from commitment_import where state in ('QUEUED', 'RUNNING')"
                        + " and not (import_id = any (?)) order by uploaded_at, import_id limit 1")
                .param(skip).query(JOB).optional();
    }

    /**
     * Copies the stored file into {@code target} one slice at a time. The column's storage is {@code EXTERNAL}
     * (uncompressed), so PostgreSQL reads each slice without de-toasting the whole value.
     */
    void copyContent(UUID importId, Path target) {
        long size = jdbc.sql("select octet_length(content) from commitment_import where import_id = ?").param(importId)
                .query(Long.class).single();
        try (OutputStream out = Files.newOutputStream(target)) {
            for (long from = 0; from < size; from += SLICE_BYTES) {
                byte[] slice = jdbc.sql("select substring(content from ?::int for ?::int) from commitment_import where import_id = ?")
                        .params((int) from + 1, SLICE_BYTES, importId).query(byte[].class).single();
                out.write(slice);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Locks the job until the caller's transaction ends and returns its last stored row. Every node runs an import
     * worker, so two nodes may work on one job: under this lock each chunk sees what the other has stored.
     */
    int lockForChunk(UUID importId) {
        jdbc.sql("select import_id from commitment_import where import_id = ? for update").param(importId).query(UUID.class).single();
        return lastStoredRow(importId);
    }

    /** The last row whose result is committed: processing resumes after it. */
    int lastStoredRow(UUID importId) {
        return jdbc.sql("select coalesce(max(row_no), 0) from commitment_import_row where import_id = ?").param(importId)
                .query(Integer.class).single();
    }

    /** The job is being worked on: {@code RUNNING}, started now unless it started before. */
    void markStarted(UUID importId, Instant now) {
        jdbc.sql("update commitment_import set state = 'RUNNING', started_at = coalesce(started_at, ?) where import_id = ? and state in ('QUEUED', 'RUNNING')")
                .params(ts(now), importId).update();
    }

    /** The rows the worker counted before posting any. */
    void setTotal(UUID importId, int total) {
        jdbc.sql("update commitment_import set total = ? where import_id = ?").params(total, importId).update();
    }

    void finish(UUID importId, ImportJob.State state, String error, Instant now) {
        jdbc.sql("update commitment_import set state = ?, error = ?, finished_at = ? where import_id = ?")
                .params(state.name(), error, ts(now), importId).update();
    }

    /** Stores a chunk's row results (one JDBC batch) and advances the job's counters, in the caller's transaction. */
    void storeResults(UUID importId, List<RowResult> results) {
        template.batchUpdate("insert into commitment_import_row (import_id, row_no, line_no, status, commitment_id, errors) values (?, ?, ?, ?, ?, ?::jsonb)",
                results, results.size(), (ps, r) -> {
                    ps.setObject(1, importId);
                    ps.setInt(2, r.row());
                    ps.setObject(3, r.line());
                    ps.setString(4, r.status().name());
                    ps.setObject(5, r.commitmentId());
                    ps.setString(6, r.errors().isEmpty() ? null : toJson(r.errors()));
                });
        long accepted = results.stream().filter(r -> r.status() == ImportRowStatus.ACCEPTED).count();
        jdbc.sql("update commitment_import set processed = processed + ?, accepted = accepted + ?, rejected = rejected + ? where import_id = ?")
                .params(results.size(), accepted, results.size() - accepted, importId).update();
    }

    List<RowResult> rows(UUID importId, int from, int limit, ImportRowStatus status) {
        String filter = status == null ? "" : " and status = '" + status.name() + "'";
        return jdbc.sql("select row_no, line_no, status, commitment_id, errors::text from commitment_import_row where import_id = ? and row_no >= ?"
                        + filter + " order by row_no limit ?")
                .params(importId, from, limit)
                .query((rs, n) -> new RowResult(rs.getInt(1), rs.getObject(2, Integer.class), ImportRowStatus.valueOf(rs.getString(3)),
                        rs.getObject(4, UUID.class), fromJson(rs.getString(5))))
                .list();
    }

    boolean eventExists(UUID aggregateId) {
        return jdbc.sql("select exists (select 1 from domain_event_entry where aggregate_identifier = ?)").param(aggregateId.toString())
                .query(Boolean.class).single();
    }

    private String toJson(List<RowProblem> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows stored before problems had codes hold {@code [{field, message}]}: read as problems without a code. */
    private List<RowProblem> fromJson(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, PROBLEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static final RowMapper<ImportJob> JOB = (rs, n) -> new ImportJob(rs.getObject("import_id", UUID.class),
            rs.getString("file_sha256"), rs.getString("dedup_scope"), rs.getString("file_name"), rs.getString("file_format"),
            rs.getObject("uploader_key_id", UUID.class), rs.getString("uploader_name"), rs.getString("uploader_role"),
            rs.getString("uploader_unit"), rs.getString("correlation_id"), rs.getString("client_request_id"),
            ImportJob.State.valueOf(rs.getString("state")), rs.getObject("total", Integer.class), rs.getInt("processed"), rs.getInt("accepted"),
            rs.getInt("rejected"), instant(rs.getTimestamp("uploaded_at")), instant(rs.getTimestamp("started_at")),
            instant(rs.getTimestamp("finished_at")), rs.getString("error"), ImportKind.valueOf(rs.getString("kind")));
}
