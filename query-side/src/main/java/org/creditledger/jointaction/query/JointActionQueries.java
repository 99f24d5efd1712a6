package org.creditledger.jointaction.query;

import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.platform.web.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads {@code joint_action_view}: one case, a page of cases, or counts of a year's cases (all units or one). */
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
                .query(JointActionQueries::view).optional();
    }

    /**
     * One page of the cases of {@code unitId} (every unit when null) taken in {@code year} (any year when null), the
     * latest taken first (then latest recorded, then id, so pages never overlap), with the count of all that match.
     */
    Page<JointActionView> list(String unitId, Integer year, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (unitId != null) {
            where.append(" and unit_id = :unit");
            params.put("unit", unitId);
        }
        if (year != null) {
            where.append(" and taken_year = :year");
            params.put("year", year);
        }
        long total = jdbc.sql("select count(*) from joint_action_view" + where).params(params).query(Long.class).single();
        List<JointActionView> items = jdbc.sql("select * from joint_action_view" + where
                        + " order by taken_on desc, recorded_at desc, joint_action_id desc limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", Page.offset(page, size))
                .query(JointActionQueries::view).list();
        return new Page<>(items, page, size, total);
    }

    private static JointActionView view(ResultSet rs, int row) throws SQLException {
        return new JointActionView(rs.getObject("joint_action_id", UUID.class),
                rs.getObject("entry_id", UUID.class), rs.getString("list_code"), rs.getString("subject_code"),
                rs.getString("measure_code"), MeasureKind.valueOf(rs.getString("measure_kind")),
                MeasureDomain.valueOf(rs.getString("measure_domain")), rs.getInt("measure_version"),
                rs.getString("unit_id"), rs.getString("matter"), rs.getObject("taken_on", LocalDate.class),
                rs.getString("result"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
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
