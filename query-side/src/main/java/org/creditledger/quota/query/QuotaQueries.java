package org.creditledger.quota.query;

import org.creditledger.unit.api.QuotaCounting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads quota progress: targets, names and the unit tree from the units read model, amounts from {@code quota_day},
 * summed per quarter in the database. Three queries whether it is one unit or all of them; the rolled-up figures
 * (own + every unit below, at every level) are summed here from the per-unit amounts.
 */
@Component
class QuotaQueries {

    private final JdbcClient jdbc;

    QuotaQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the read model knows of a unit: its name, and its target for a year if it has one. */
    record UnitTarget(String unitName, Optional<QuotaView.Target> target) {
    }

    Optional<UnitTarget> unitTarget(String unitId, int year) {
        return jdbc.sql("""
                        select u.unit_id as unit_id, u.name as unit_name, u.parent_unit_id, t.year, t.annual_target, t.counting,
                            t.quarterly_rule, t.include_sub_units, t.ratio_of_existing, t.existing_enterprises
                        from unit_view u left join unit_target_view t on t.unit_id = u.unit_id and t.year = :year
                        where u.unit_id = :unit""")
                .param("unit", unitId)
                .param("year", year)
                .query((rs, n) -> new UnitTarget(rs.getString("unit_name"),
                        rs.getObject("annual_target") == null ? Optional.empty() : Optional.of(target(rs, n))))
                .optional();
    }

    QuotaView progress(QuotaView.Target target, LocalDate asOf) {
        Map<String, List<String>> children = children();
        List<String> below = below(target.unitId(), children);
        List<String> units = new ArrayList<>(below);
        units.add(target.unitId());
        Map<String, QuotaView.Amounts> amounts = amounts(units, target.year(), asOf);
        return view(target, below, amounts, asOf);
    }

    /** Every unit with a target for the year, ordered by unit id. */
    List<QuotaView> progressOfAll(int year, LocalDate asOf) {
        List<QuotaView.Target> targets = jdbc.sql("""
                        select t.unit_id, u.name as unit_name, u.parent_unit_id, t.year, t.annual_target, t.counting,
                            t.quarterly_rule, t.include_sub_units, t.ratio_of_existing, t.existing_enterprises
                        from unit_target_view t left join unit_view u on u.unit_id = t.unit_id
                        where t.year = :year order by t.unit_id""")
                .param("year", year)
                .query(QuotaQueries::target)
                .list();
        Map<String, List<String>> children = children();
        Map<String, QuotaView.Amounts> amounts = amounts(null, year, asOf);
        return targets.stream().map(target -> view(target, below(target.unitId(), children), amounts, asOf)).toList();
    }

    private static QuotaView view(QuotaView.Target target, List<String> below, Map<String, QuotaView.Amounts> amounts, LocalDate asOf) {
        QuotaView.Amounts own = amounts.getOrDefault(target.unitId(), QuotaView.Amounts.none());
        QuotaView.Amounts rolledUp = own;
        for (String unit : below) {
            rolledUp = rolledUp.plus(amounts.getOrDefault(unit, QuotaView.Amounts.none()));
        }
        return QuotaView.of(target, own, rolledUp, below.size(), asOf);
    }

    /** Each unit's direct sub-units. */
    private Map<String, List<String>> children() {
        Map<String, List<String>> children = new HashMap<>();
        jdbc.sql("select unit_id, parent_unit_id from unit_view where parent_unit_id is not null order by unit_id")
                .query(rs -> {
                    children.computeIfAbsent(rs.getString("parent_unit_id"), k -> new ArrayList<>()).add(rs.getString("unit_id"));
                });
        return children;
    }

    /**
     * Every unit below {@code unitId}, at every level. The command side keeps the tree free of cycles; the visited
     * set only makes sure a unit never counts twice.
     */
    private static List<String> below(String unitId, Map<String, List<String>> children) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(children.getOrDefault(unitId, List.of()));
        while (!next.isEmpty()) {
            String unit = next.poll();
            if (!unit.equals(unitId) && found.add(unit)) {
                next.addAll(children.getOrDefault(unit, List.of()));
            }
        }
        return List.copyOf(found);
    }

    /**
     * Letters and records per unit and quarter recorded in the year up to the end of {@code asOf}; {@code unitIds}
     * null means all units.
     */
    private Map<String, QuotaView.Amounts> amounts(List<String> unitIds, int year, LocalDate asOf) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        Map<String, QuotaView.Amounts> amounts = new HashMap<>();
        JdbcClient.StatementSpec statement = jdbc.sql("""
                        select unit_id, extract(quarter from day)::int as quarter, sum(letters) as letters, sum(records) as records,
                            sum(fulfilled) as fulfilled, sum(breached) as breached
                        from quota_day
                        where day between :from and :to %s
                        group by unit_id, extract(quarter from day)""".formatted(unitIds == null ? "" : "and unit_id in (:units)"))
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", asOf.isBefore(yearEnd) ? asOf : yearEnd);
        if (unitIds != null) {
            statement = statement.param("units", unitIds);
        }
        statement.query(rs -> {
            QuotaView.Amounts unit = amounts.computeIfAbsent(rs.getString("unit_id"), k -> QuotaView.Amounts.none());
            int quarter = rs.getInt("quarter");
            unit.letters()[quarter - 1] = rs.getLong("letters");
            unit.records()[quarter - 1] = rs.getLong("records");
            unit.fulfilled()[quarter - 1] = rs.getLong("fulfilled");
            unit.breached()[quarter - 1] = rs.getLong("breached");
        });
        return amounts;
    }

    private static QuotaView.Target target(ResultSet rs, int row) throws SQLException {
        return new QuotaView.Target(rs.getString("unit_id"), rs.getString("unit_name"), rs.getInt("year"),
                rs.getInt("annual_target"), QuotaCounting.valueOf(rs.getString("counting")), rs.getBoolean("quarterly_rule"),
                rs.getBoolean("include_sub_units"), plain(rs.getBigDecimal("ratio_of_existing")),
                (Integer) rs.getObject("existing_enterprises"), rs.getString("parent_unit_id"));
    }

    /** The stored share as it was given: 0.5, not 0.5000. */
    private static BigDecimal plain(BigDecimal stored) {
        if (stored == null) {
            return null;
        }
        BigDecimal plain = stored.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }
}
