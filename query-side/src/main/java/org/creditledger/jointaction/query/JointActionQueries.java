package org.creditledger.jointaction.query;

import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads {@code joint_action_view}: one case, or counts of a year's cases (all units or one). */
@Component
class JointActionQueries {

    private static final String COUNTS = """
            count(*) filter (where measure_kind = 'PUNISHMENT') as punishments,
            count(*) filter (where measure_kind = 'INCENTIVE') as incentives""";

    private final JdbcClient jdbc;

    JointActionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<JointActionView> find(UUID jointActionId) {
        return jdbc.sql("select * from joint_action_view where joint_action_id = ?").param(jointActionId)
                .query((rs, n) -> new JointActionView(rs.getObject("joint_action_id", UUID.class),
                        rs.getObject("entry_id", UUID.class), rs.getString("list_code"), rs.getString("subject_code"),
                        rs.getString("measure_code"), MeasureKind.valueOf(rs.getString("measure_kind")),
                        MeasureDomain.valueOf(rs.getString("measure_domain")), rs.getInt("measure_version"),
                        rs.getString("unit_id"), rs.getString("matter"), rs.getObject("taken_on", LocalDate.class),
                        rs.getString("result"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** {@code unitId} null: every unit. Rows are ordered by their key, so the answer is stable. */
    JointActionView.JointActionStats stats(int year, String unitId) {
        String where = " from joint_action_view where taken_year = :year and (cast(:unit as varchar) is null or unit_id = :unit) ";
        List<JointActionView.JointActionUnitCounts> byUnit = jdbc.sql("select unit_id, " + COUNTS + where + "group by unit_id order by unit_id")
                .param("year", year).param("unit", unitId)
                .query((rs, n) -> new JointActionView.JointActionUnitCounts(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        List<JointActionView.JointActionMeasureCount> byMeasure = jdbc.sql("select measure_code, measure_kind, measure_domain, count(*)" + where
                        + "group by measure_code, measure_kind, measure_domain order by measure_code, measure_kind, measure_domain")
                .param("year", year).param("unit", unitId)
                .query((rs, n) -> new JointActionView.JointActionMeasureCount(rs.getString(1), MeasureKind.valueOf(rs.getString(2)),
                        MeasureDomain.valueOf(rs.getString(3)), rs.getLong(4))).list();
        List<JointActionView.JointActionDomainCounts> byDomain = jdbc.sql("select measure_domain, " + COUNTS + where
                        + "group by measure_domain order by measure_domain")
                .param("year", year).param("unit", unitId)
                .query((rs, n) -> new JointActionView.JointActionDomainCounts(MeasureDomain.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3))).list();
        long total = byUnit.stream().mapToLong(u -> u.punishments() + u.incentives()).sum();
        return new JointActionView.JointActionStats(year, unitId, byUnit, byMeasure, byDomain, total);
    }
}
