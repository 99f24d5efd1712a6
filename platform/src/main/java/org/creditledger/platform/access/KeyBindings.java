package org.creditledger.platform.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the unit or authority a new key is to be bound to exists. Both live in the command side's lookup tables
 * ({@code known_unit}, {@code known_list.authority}, written in the transactions that store the unit's and the list's
 * events); platform reads them with plain SQL rather than depend on the command side's classes. A node whose database
 * has no command-side tables yet knows no unit or authority.
 */
@Component
class KeyBindings {

    private final JdbcClient jdbc;

    KeyBindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean unitExists(String unitId) {
        return tableExists("known_unit")
                && jdbc.sql("select exists (select 1 from known_unit where unit_id = ?)").param(unitId).query(Boolean.class).single();
    }

    boolean authorityExists(String authority) {
        return tableExists("known_list")
                && jdbc.sql("select exists (select 1 from known_list where authority = ?)").param(authority).query(Boolean.class).single();
    }

    private boolean tableExists(String table) {
        return jdbc.sql("select to_regclass(?) is not null").param(table).query(Boolean.class).single();
    }
}
