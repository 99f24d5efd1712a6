package org.creditledger.unit.query;

import org.creditledger.unit.api.QuotaCounting;
import org.creditledger.unit.api.UnitKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code unit_view} and {@code unit_target_view}. */
@Component
class UnitQueries {

    private final JdbcClient jdbc;

    UnitQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All units ordered by id, each with its targets ordered by year: two queries. */
    List<UnitView> all() {
        Map<String, List<UnitView.Target>> targets = new LinkedHashMap<>();
        jdbc.sql("""
                        select unit_id, year, annual_target, counting, quarterly_rule, include_sub_units, ratio_of_existing,
                            existing_enterprises
                        from unit_target_view order by unit_id, year""")
                .query(rs -> {
                    targets.computeIfAbsent(rs.getString("unit_id"), k -> new ArrayList<>())
                            .add(new UnitView.Target(rs.getInt("year"), rs.getInt("annual_target"),
                                    QuotaCounting.valueOf(rs.getString("counting")), rs.getBoolean("quarterly_rule"),
                                    rs.getBoolean("include_sub_units"), ratio(rs.getBigDecimal("ratio_of_existing")),
                                    (Integer) rs.getObject("existing_enterprises")));
                });
        return jdbc.sql("select unit_id, name, kind, parent_unit_id from unit_view order by unit_id")
                .query((rs, n) -> new UnitView(rs.getString("unit_id"), rs.getString("name"),
                        UnitKind.valueOf(rs.getString("kind")), targets.getOrDefault(rs.getString("unit_id"), List.of()),
                        rs.getString("parent_unit_id")))
                .list();
    }

    /** The stored share as it was given: 0.5, not 0.5000. */
    static BigDecimal ratio(BigDecimal stored) {
        if (stored == null) {
            return null;
        }
        BigDecimal plain = stored.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }
}
