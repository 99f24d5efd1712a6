package org.creditledger.statistics.query;

import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.check.api.Verdict;
import org.creditledger.listing.api.ExitReason;
import org.creditledger.statistics.query.MonthlyStatisticsProjection.Metric;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads {@code monthly_count} and {@code monthly_unit}: one month, two queries. */
@Component
class MonthlyStatisticsQueries {

    private final JdbcClient jdbc;

    MonthlyStatisticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the unit is registered. */
    boolean knows(String unitId) {
        return jdbc.sql("select count(*) from monthly_unit where unit_id = ?").param(unitId).query(Long.class).single() > 0;
    }

    /**
     * @param unitId only this unit's row, or every registered unit's (and any unit with counts) when null
     */
    MonthlyStatistics month(int year, int month, String unitId) {
        LocalDate first = LocalDate.of(year, month, 1);
        Map<String, Map<String, Long>> counts = new HashMap<>();
        jdbc.sql("""
                        select unit_id, metric, n from monthly_count
                        where month = :month and (unit_id = '' or cast(:unit as varchar) is null or unit_id = cast(:unit as varchar))""")
                .param("month", first)
                .param("unit", unitId)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("unit_id"), k -> new HashMap<>())
                            .put(rs.getString("metric"), rs.getLong("n"));
                });
        Map<String, String> names = new TreeMap<>();
        jdbc.sql("select unit_id, name from monthly_unit where cast(:unit as varchar) is null or unit_id = cast(:unit as varchar)")
                .param("unit", unitId)
                .query(rs -> {
                    names.put(rs.getString("unit_id"), rs.getString("name"));
                });
        counts.keySet().stream().filter(id -> !id.equals(MonthlyStatisticsProjection.CITY))
                .forEach(id -> names.putIfAbsent(id, null));
        List<MonthlyStatistics.UnitMonth> units = names.entrySet().stream()
                .map(e -> unitMonth(e.getKey(), e.getValue(), counts.getOrDefault(e.getKey(), Map.of())))
                .toList();
        return new MonthlyStatistics(year, month, city(counts.getOrDefault(MonthlyStatisticsProjection.CITY, Map.of())), units);
    }

    private static MonthlyStatistics.CityWide city(Map<String, Long> c) {
        Map<ListColour, Long> entries = split(ListColour.class, Metric.ENTRIES, c);
        Map<ExitReason, Long> exits = split(ExitReason.class, Metric.EXITS, c);
        return new MonthlyStatistics.CityWide(total(Metric.ENTRIES, c), entries, total(Metric.EXITS, c), exits,
                c.getOrDefault(Metric.OBJECTIONS_FILED, 0L), c.getOrDefault(Metric.OBJECTIONS_UPHELD, 0L),
                c.getOrDefault(Metric.REPAIRS_APPLIED, 0L), c.getOrDefault(Metric.REPAIRS_APPROVED, 0L));
    }

    private static MonthlyStatistics.UnitMonth unitMonth(String unitId, String name, Map<String, Long> c) {
        return new MonthlyStatistics.UnitMonth(unitId, name,
                c.getOrDefault(Metric.LETTERS_POSTED, 0L), c.getOrDefault(Metric.LETTERS_FULFILLED, 0L),
                c.getOrDefault(Metric.LETTERS_BREACHED, 0L), c.getOrDefault(Metric.LETTERS_OVERDUE, 0L),
                total(Metric.JOINT_ACTIONS, c), split(MeasureKind.class, Metric.JOINT_ACTIONS, c),
                total(Metric.CHECKS, c), split(Verdict.class, Metric.CHECKS, c));
    }

    /** Every code of {@code type}, in declaration order, with its count under {@code prefix}. */
    private static <E extends Enum<E>> Map<E, Long> split(Class<E> type, String prefix, Map<String, Long> counts) {
        Map<E, Long> split = new EnumMap<>(type);
        for (E code : type.getEnumConstants()) {
            split.put(code, counts.getOrDefault(prefix + code.name(), 0L));
        }
        return split;
    }

    /** All counts under {@code prefix}, including codes a split does not show (an entry whose colour is unknown). */
    private static long total(String prefix, Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }
}
