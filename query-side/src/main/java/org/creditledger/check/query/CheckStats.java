package org.creditledger.check.query;

import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.check.api.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code check_count}: checks per counter unit and domain over a period, split by verdict. */
@Component
class CheckStats {

    private final JdbcClient jdbc;

    CheckStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param counterUnit the counter's unit; {@code null} for checks by keys bound to no unit
     * @param byVerdict   checks per verdict; every verdict is present
     */
    record Row(String counterUnit, MeasureDomain domain, long checks, Map<Verdict, Long> byVerdict) {
    }

    record Stats(LocalDate from, LocalDate to, long checks, List<Row> rows) {
    }

    Stats count(LocalDate from, LocalDate to, String unitId, MeasureDomain domain) {
        Map<List<String>, Map<Verdict, Long>> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select counter_unit, domain, verdict, sum(checks) as checks from check_count
                        where day between :from and :to
                          and (cast(:unit as varchar) is null or counter_unit = cast(:unit as varchar))
                          and (cast(:domain as varchar) is null or domain = cast(:domain as varchar))
                        group by counter_unit, domain, verdict
                        order by counter_unit, domain, verdict""")
                .param("from", from)
                .param("to", to)
                .param("unit", unitId)
                .param("domain", domain == null ? null : domain.name())
                .query(rs -> {
                    counts.computeIfAbsent(List.of(rs.getString("counter_unit"), rs.getString("domain")), key -> zeroes())
                            .put(Verdict.valueOf(rs.getString("verdict")), rs.getLong("checks"));
                });
        List<Row> rows = counts.entrySet().stream()
                .map(e -> new Row(e.getKey().get(0).isEmpty() ? null : e.getKey().get(0),
                        MeasureDomain.valueOf(e.getKey().get(1)),
                        e.getValue().values().stream().mapToLong(Long::longValue).sum(), e.getValue()))
                .toList();
        return new Stats(from, to, rows.stream().mapToLong(Row::checks).sum(), rows);
    }

    private static Map<Verdict, Long> zeroes() {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict, 0L);
        }
        return counts;
    }
}
