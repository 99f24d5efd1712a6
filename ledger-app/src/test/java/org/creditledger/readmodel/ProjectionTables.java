package org.creditledger.readmodel;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a projection's tables hold, for comparing live tables with the same tables rebuilt from the events: every row
 * of each table as text, in a fixed order. Used in-process ({@link ProjectionRebuildApiTest}) and against the
 * database of a ledger process (the fault-injection tests).
 */
public final class ProjectionTables {

    private ProjectionTables() {
    }

    /** Every row of each table, as text, in a fixed order. */
    public static Map<String, List<String>> rows(JdbcClient jdbc, List<String> tables) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : tables) {
            rows.put(table, jdbc.sql("select t::text from " + table + " t order by 1").query(String.class).list());
        }
        return rows;
    }
}
