package org.creditledger.readmodel.rebuild;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** JDBC access to {@code projection_rebuild}. Joins the caller's transaction. */
@Component
class RebuildJobStore {

    private static final String COLUMNS = "rebuild_id, name, state, total_events, processed_events, position, requested_by, "
            + "started_at, finished_at, error";

    private final JdbcClient jdbc;

    RebuildJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(RebuildJob job) {
        jdbc.sql("insert into projection_rebuild (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(job.rebuildId(), job.name(), job.state().name(), job.totalEvents(), job.processedEvents(),
                        job.position(), job.requestedBy(), Timestamp.from(job.startedAt()), null, null)
                .update();
    }

    /** The latest rebuild of the projection. */
    Optional<RebuildJob> latest(String name) {
        return jdbc.sql("select " + COLUMNS + " from projection_rebuild where name = ? order by started_at desc, rebuild_id limit 1")
                .param(name).query(JOB).optional();
    }

    void progress(UUID rebuildId, long processedEvents, Long position) {
        jdbc.sql("update projection_rebuild set processed_events = ?, position = ? where rebuild_id = ?")
                .params(processedEvents, position, rebuildId).update();
    }

    void finish(UUID rebuildId, RebuildJob.State state, String error, Instant now) {
        jdbc.sql("update projection_rebuild set state = ?, error = ?, finished_at = ? where rebuild_id = ?")
                .params(state.name(), error, Timestamp.from(now), rebuildId).update();
    }

    /**
     * Marks as FAILED the rebuilds of {@code name} still shown as running. Called only by the holder of the
     * projection's rebuild lock, so no such rebuild is really running: its node stopped before it could finish.
     */
    void abandonRunning(String name, Instant now) {
        jdbc.sql("""
                        update projection_rebuild set state = 'FAILED', finished_at = ?,
                            error = 'abandoned: the node running it stopped before it finished'
                        where name = ? and state = 'RUNNING'""")
                .params(Timestamp.from(now), name).update();
    }

    private static final RowMapper<RebuildJob> JOB = (rs, n) -> new RebuildJob(rs.getObject("rebuild_id", UUID.class),
            rs.getString("name"), RebuildJob.State.valueOf(rs.getString("state")), rs.getLong("total_events"),
            rs.getLong("processed_events"), rs.getObject("position", Long.class), rs.getString("requested_by"),
            rs.getTimestamp("started_at").toInstant(), instant(rs.getTimestamp("finished_at")), rs.getString("error"));

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
