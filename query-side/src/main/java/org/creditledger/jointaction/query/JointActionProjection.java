package org.creditledger.jointaction.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.creditledger.jointaction.api.JointActionMessages.JointActionRecordedEvent;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps {@code joint_action_view}, one row per case. Cases never change, so a row is inserted once; handling an
 * event twice does no harm.
 */
@Component
@ProcessingGroup(JointActionProjection.PROCESSING_GROUP)
public class JointActionProjection {

    public static final String PROCESSING_GROUP = "joint-actions";

    /** The tables a rebuild replaces. Declaring them also gives the group the read models' tracking processor. */
    @Bean
    static RebuildableProjection jointActionTables() {
        return RebuildableProjection.of(PROCESSING_GROUP, "joint_action_view");
    }

    private final JdbcClient jdbc;

    JointActionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(JointActionRecordedEvent e, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        insert into joint_action_view (joint_action_id, entry_id, list_code, subject_code, measure_code,
                            measure_kind, measure_domain, measure_version, unit_id, matter, taken_on, taken_year, result,
                            recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (joint_action_id) do nothing""")
                .params(e.jointActionId().value(), e.entryId().value(), e.listCode(), e.subjectCode(),
                        e.measureCode().value(), e.measureKind().name(), e.measureDomain().name(), e.measureVersion(),
                        e.unitId().value(), e.matter(), e.takenOn(), e.takenOn().getYear(), e.result(),
                        java.sql.Timestamp.from(recordedAt))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from joint_action_view").update();
    }
}
