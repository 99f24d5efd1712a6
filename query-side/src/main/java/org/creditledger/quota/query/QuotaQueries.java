package org.creditledger.quota.query;

import org.creditledger.unit.api.QuotaCounting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads quota progress: targets and names from the units read model, amounts from {@code quota_day}, summed per
 * quarter in the database. Two queries whether it is one unit or all of them.
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
                        select u.unit_id, u.name as unit_name, t.year, t.annual_target, t.counting, t.quarterly_rule
                        from unit_view u left join unit_target_view t on t.unit_id = u.unit_id and t.year = :year
                        where u.unit_id = :unit""")
                .param("unit", unitId)
                .param("year", year)
                .query((rs, n) -> new UnitTarget(rs.getString("unit_name"),
                        rs.getObject("annual_target") == null ? Optional.empty() : Optional.of(target(rs, n))))
                .optional();
    }

    QuotaView progress(QuotaView.Target target, LocalDate asOf) {
        Map<String, long[][]> amounts = amounts(target.unitId(), target.year(), asOf);
        return view(target, amounts, asOf);
    }

    /** Every unit with a target for the year, ordered by unit id. */
    List<QuotaView> progressOfAll(int year, LocalDate asOf) {
        List<QuotaView.Target> targets = jdbc.sql("""
                        select t.unit_id, u.name as unit_name, t.year, t.annual_target, t.counting, t.quarterly_rule
                        from unit_target_view t left join unit_view u on u.unit_id = t.unit_id
                        where t.year = :year order by t.unit_id""")
                .param("year", year)
                .query(QuotaQueries::target)
                .list();
        Map<String, long[][]> amounts = amounts(null, year, asOf);
        return targets.stream().map(target -> view(target, amounts, asOf)).toList();
    }

    private static QuotaView view(QuotaView.Target target, Map<String, long[][]> amounts, LocalDate asOf) {
        long[][] unitAmounts = amounts.getOrDefault(target.unitId(), new long[4][4]);
        return QuotaView.of(target, unitAmounts[0], unitAmounts[1], asOf)
                .withOutcomes(sum(unitAmounts[2]), sum(unitAmounts[3]));
    }

    private static long sum(long[] quarters) {
        long total = 0;
        for (long n : quarters) {
            total += n;
        }
        return total;
    }

    /**
     * Letters ({@code [0][quarter-1]}), records ({@code [1][quarter-1]}), of them fulfilled ({@code [2]}) and
     * breached ({@code [3]}) per unit recorded in the year up to the
     * end of {@code asOf}; {@code unitId} null means all units.
     */
    private Map<String, long[][]> amounts(String unitId, int year, LocalDate asOf) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        Map<String, long[][]> amounts = new HashMap<>();
        jdbc.sql("""
                        select unit_id, extract(quarter from day)::int as quarter, sum(letters) as letters, sum(records) as records,
                            sum(fulfilled) as fulfilled, sum(breached) as breached
                        from quota_day
                        where day between :from and :to and (cast(:unit as varchar) is null or unit_id = :unit)
                        group by unit_id, extract(quarter from day)""")
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", asOf.isBefore(yearEnd) ? asOf : yearEnd)
                .param("unit", unitId)
                .query(rs -> {
                    long[][] unit = amounts.computeIfAbsent(rs.getString("unit_id"), k -> new long[4][4]);
                    int quarter = rs.getInt("quarter");
                    unit[0][quarter - 1] = rs.getLong("letters");
                    unit[1][quarter - 1] = rs.getLong("records");
                    unit[2][quarter - 1] = rs.getLong("fulfilled");
                    unit[3][quarter - 1] = rs.getLong("breached");
                });
        return amounts;
    }

    private static QuotaView.Target target(ResultSet rs, int row) throws SQLException {
        return new QuotaView.Target(rs.getString("unit_id"), rs.getString("unit_name"), rs.getInt("year"),
                rs.getInt("annual_target"), QuotaCounting.valueOf(rs.getString("counting")), rs.getBoolean("quarterly_rule"));
    }
}
