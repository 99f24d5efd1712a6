package org.creditledger.readmodel.rebuild;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Empty copies of a projection's tables in a schema of their own, and the switch that puts them in place of the live
 * tables. Every method joins the caller's transaction.
 *
 * <p>The copies keep what Flyway made: columns, defaults, checks, primary and unique keys, foreign keys between the
 * copies and indexes, all under the live names (names are unique per schema, so the copies can carry them), so that
 * after the switch a later migration finds the objects it expects. A {@code serial} column's sequence belongs to its
 * table and would vanish with the live table, so each copy gets its own sequence of the same name.
 */
@Component
class ShadowTables {

    private final JdbcClient jdbc;

    ShadowTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Where a rebuild works: the live schema the tables are read from (the session's current schema, where Flyway
     * made them) and the shadow schema {@code rebuild_<group>} the copies are filled in.
     */
    record Shadow(String liveSchema, String schema, List<String> tables) {

        String live(String table) {
            return ident(liveSchema) + "." + ident(table);
        }

        String copy(String table) {
            return ident(schema) + "." + ident(table);
        }
    }

    /** Creates empty copies of the tables, replacing copies a failed or interrupted rebuild may have left. */
    Shadow create(String processingGroup, List<String> tables) {
        String liveSchema = jdbc.sql("select current_schema()").query(String.class).single();
        Shadow shadow = new Shadow(liveSchema, schemaOf(processingGroup), tables);
        List<String> ddl = new ArrayList<>();
        List<String> constraints = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        for (String table : tables) {
            ddl.add("create table " + shadow.copy(table) + " (like " + shadow.live(table) + " including all excluding indexes)");
            ddl.addAll(ownSequences(shadow, table));
            constraints.addAll(indexBackedConstraintsAndForeignKeys(shadow, table));
            indexes.addAll(otherIndexes(shadow, table));
        }
        drop(shadow);
        jdbc.sql("create schema " + ident(shadow.schema())).update();
        // Foreign keys name the tables they reference as the live schema shows them: resolve those names to the copies.
        searchShadowFirst(shadow);
        for (String statement : concat(ddl, constraints, indexes)) {
            jdbc.sql(statement).update();
        }
        return shadow;
    }

    /**
     * Until the transaction ends, unqualified table names resolve to the copies first, so the projection's own code
     * writes them; names of tables that have no copy still resolve to the live schema.
     */
    void searchShadowFirst(Shadow shadow) {
        jdbc.sql("select set_config('search_path', ? || ', ' || current_setting('search_path'), true)")
                .param(ident(shadow.schema())).query(String.class).single();
    }

    /** Fresh statistics, so the first queries on the switched tables are planned on what they hold. */
    void analyze(Shadow shadow) {
        for (String table : shadow.tables()) {
            jdbc.sql("analyze " + shadow.copy(table)).update();
        }
    }

    /**
     * Drops the live tables and moves the copies into the live schema. Readers wait for the transaction (at most
     * {@code lockTimeout} for the locks); anything outside the projection that depends on a live table (a view, a
     * foreign key) makes the drop fail, and with it the whole switch.
     */
    void swap(Shadow shadow, String lockTimeout) {
        jdbc.sql("select set_config('lock_timeout', ?, true)").param(lockTimeout).query(String.class).single();
        jdbc.sql("drop table " + shadow.tables().stream().map(shadow::live).collect(Collectors.joining(", "))).update();
        for (String table : shadow.tables()) {
            jdbc.sql("alter table " + shadow.copy(table) + " set schema " + ident(shadow.liveSchema())).update();
        }
        jdbc.sql("drop schema " + ident(shadow.schema())).update();
    }

    static String schemaOf(String processingGroup) {
        return "rebuild_" + processingGroup.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    /** Drops the copies a rebuild of the group left behind when its node died; true if there were any. */
    boolean dropLeftover(String processingGroup) {
        String schema = schemaOf(processingGroup);
        if (jdbc.sql("select count(*) from pg_namespace where nspname = ?").param(schema).query(Long.class).single() == 0) {
            return false;
        }
        jdbc.sql("drop schema if exists " + ident(schema) + " cascade").update();
        return true;
    }

    void drop(Shadow shadow) {
        jdbc.sql("drop schema if exists " + ident(shadow.schema()) + " cascade").update();
    }

    /** A {@code serial} column's sequence, owned by the live table: the copy gets its own, starting afresh. */
    private List<String> ownSequences(Shadow shadow, String table) {
        return jdbc.sql("""
                        select a.attname, s.relname, format_type(q.seqtypid, null)
                        from pg_depend d
                        join pg_class s on s.oid = d.objid and s.relkind = 'S'
                        join pg_sequence q on q.seqrelid = s.oid
                        join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
                        where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
                          and d.refobjid = cast(? as regclass) and d.deptype = 'a'""")
                .param(shadow.live(table))
                .query((rs, n) -> {
                    String column = ident(rs.getString(1));
                    String sequence = ident(shadow.schema()) + "." + ident(rs.getString(2));
                    return List.of(
                            "create sequence " + sequence + " as " + rs.getString(3),
                            "alter table " + shadow.copy(table) + " alter column " + column
                                    + " set default nextval('" + sequence.replace("'", "''") + "')",
                            "alter sequence " + sequence + " owned by " + shadow.copy(table) + "." + column);
                })
                .list().stream().flatMap(List::stream).toList();
    }

    /** Primary keys, unique and exclusion constraints, then foreign keys, under their live names. */
    private List<String> indexBackedConstraintsAndForeignKeys(Shadow shadow, String table) {
        return jdbc.sql("""
                        select conname, pg_get_constraintdef(oid) from pg_constraint
                        where conrelid = cast(? as regclass) and contype in ('p', 'u', 'x', 'f')
                        order by contype = 'f', conname""")
                .param(shadow.live(table))
                .query((rs, n) -> "alter table " + shadow.copy(table) + " add constraint " + ident(rs.getString(1)) + " " + rs.getString(2))
                .list();
    }

    /** Indexes that back no constraint, under their live names: the definition, pointed at the copy. */
    private List<String> otherIndexes(Shadow shadow, String table) {
        return jdbc.sql("""
                        select pg_get_indexdef(i.indexrelid), format(' ON %I.%I ', n.nspname, c.relname)
                        from pg_index i
                        join pg_class c on c.oid = i.indrelid
                        join pg_namespace n on n.oid = c.relnamespace
                        where i.indrelid = cast(? as regclass)
                          and not exists (select 1 from pg_constraint k
                                          where k.conindid = i.indexrelid and k.conrelid = i.indrelid and k.contype in ('p', 'u', 'x'))
                        order by i.indexrelid""")
                .param(shadow.live(table))
                .query((rs, n) -> {
                    String definition = rs.getString(1);
                    String on = rs.getString(2);
                    if (!definition.contains(on)) {
                        throw new IllegalStateException("cannot point index definition at the copy of " + table + ": " + definition);
                    }
                    return definition.replace(on, " ON " + shadow.copy(table) + " ");
                })
                .list();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    /** A quoted SQL identifier. */
    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
