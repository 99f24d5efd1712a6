package org.creditledger.check.query;

import org.axonframework.common.DateTimeUtils;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureBinds;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.catalogue.api.MeasureScope;
import org.creditledger.check.api.Capacity;
import org.creditledger.check.api.CheckMessages.AppliedMeasure;
import org.creditledger.check.api.CheckMessages.CheckedBreach;
import org.creditledger.check.api.CheckMessages.CheckedEntry;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.listing.api.EntryId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which list entries are in force for a subject, and which measures of a domain apply through them, at a
 * {@link LedgerHorizon}: the one code path behind live checks, checks "as of" an instant and the inspector's state
 * of a subject.
 *
 * <p>An entry is in force when its entry is known ({@code listed_*} within the horizon), its exit is not
 * ({@code exited_*} empty or beyond), and the horizon's day lies in its effective period. It is disputed when an
 * objection known by then was not yet closed by then. An entry is found when the code is its subject, or the 身份证
 * number of a person it names ({@code check_person}, written with the entry), in that person's capacity. A measure
 * applies when it is of the domain, is the version valid at the horizon, and names the list of an entry found in a
 * capacity it binds: the subject's entries for {@code SUBJECT}, the persons' for {@code PERSONS}, either for
 * {@code BOTH}.
 */
@Component
public class CheckLookup {

    /**
     * The rules of the class comment, each written once and named in the statements below: {@code e} an entry,
     * {@code o} an objection, {@code m} a measure, {@code b} a breach; {@code {h}} is the horizon's columns
     * ({@link LedgerHorizon#columns()}), {@code :bound} its bound, {@code :day} its day. {@code {named}}: the entries
     * naming {@code :subject}, each row the entry's own (so an entry found through its subject index is read once,
     * not found again by its id) with the capacity it names the code in.
     */
    private static final Map<String, String> RULES = Map.of(
            "{entryInForce}", """
                    e.listed_{h} <= :bound and (e.exited_{h} is null or e.exited_{h} > :bound)
                      and e.effective_from <= :day and e.effective_until >= :day""",
            "{disputed}", """
                    exists (select 1 from check_objection o
                            where o.entry_id = e.entry_id and o.filed_{h} <= :bound
                              and (o.closed_{h} is null or o.closed_{h} > :bound))""",
            "{measureValid}", """
                    m.valid_from_{h} <= :bound and (m.valid_until_{h} is null or m.valid_until_{h} > :bound)
                      and not (m.retired_{h} is not null and m.retired_{h} <= :bound and m.retired_from <= :day)""",
            "{named}", """
                    select e.*, 'SUBJECT' as capacity from check_entry e where e.subject_code = :subject
                    union all
                    select e.*, p.capacity from check_person p join check_entry e on e.entry_id = p.entry_id
                    where p.person_code = :subject""",
            "{breachInWindow}", """
                    b.known_{h} <= :bound and (b.withdrawn_{h} is null or b.withdrawn_{h} > :bound)
                      and b.occurred_on > :windowStart""");

    private static String rules(String sql) {
        for (Map.Entry<String, String> rule : RULES.entrySet()) {
            sql = sql.replace(rule.getKey(), rule.getValue());
        }
        return sql;
    }

    private static final String ENTRIES = rules("""
            with named as ({named})
            select e.entry_id, e.list_code, e.colour, e.authority, e.decision_no, e.effective_from, e.effective_until,
                e.capacity,
                {disputed} as disputed
            from named e
            where {entryInForce}
            order by e.listed_position, e.capacity""");

    private static final String MEASURES = rules("""
            select measure_code, version, name, kind, scope, legal_basis, list_codes, binds
            from check_measure m
            where domain = :domain
              and ((binds in ('SUBJECT', 'BOTH') and list_codes && cast(:subjectLists as text[]))
                or (binds in ('PERSONS', 'BOTH') and list_codes && cast(:personLists as text[])))
              and {measureValid}
            order by kind, measure_code""");

    private static final String BREACHES = rules("""
            select b.commitment_id, c.type, c.unit_id, c.matter, b.occurred_on
            from check_breach b join check_commitment c on c.commitment_id = b.commitment_id
            where b.subject_code = :subject
              and {breachInWindow}
            order by b.occurred_on desc, b.commitment_id""");

    /**
     * {@link #ENTRIES}, {@link #MEASURES} and {@link #BREACHES} of one check as one statement, one round trip: part 1
     * the entries, 2 the measures (of the lists found in part 1), 3 the breaches, each in its query's order.
     */
    private static final String ONE_CHECK = rules("""
            with named as ({named}),
            found as (
                select e.entry_id, e.list_code, e.colour, e.authority, e.decision_no, e.effective_from, e.effective_until,
                    e.capacity, e.listed_position,
                    {disputed} as disputed
                from named e
                where {entryInForce})
            select 1 as part, row_number() over (order by f.listed_position, f.capacity) as seq,
                f.entry_id, f.list_code, f.colour, f.authority, f.decision_no, f.effective_from, f.effective_until,
                f.capacity, f.disputed,
                null as measure_code, null as version, null as name, null as kind, null as scope, null as legal_basis,
                null as list_codes, null as binds,
                null::uuid as commitment_id, null::text as type, null::text as unit_id, null::text as matter,
                null::date as occurred_on
            from found f
            union all
            select 2, row_number() over (order by m.kind, m.measure_code),
                null, null, null, null, null, null, null, null, null,
                m.measure_code, m.version, m.name, m.kind, m.scope, m.legal_basis, m.list_codes, m.binds,
                null, null, null, null, null
            from check_measure m
            where m.domain = :domain
              and ((m.binds in ('SUBJECT', 'BOTH')
                    and m.list_codes && array(select list_code::text from found where capacity = 'SUBJECT'))
                or (m.binds in ('PERSONS', 'BOTH')
                    and m.list_codes && array(select list_code::text from found where capacity <> 'SUBJECT')))
              and {measureValid}
            union all
            select 3, row_number() over (order by b.occurred_on desc, b.commitment_id),
                null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null,
                b.commitment_id, c.type, c.unit_id, c.matter, b.occurred_on
            from check_breach b join check_commitment c on c.commitment_id = b.commitment_id
            where b.subject_code = :subject
              and {breachInWindow}
            order by part, seq""");

    /**
     * {@link #ONE_CHECK} for each kind of horizon ({@link LedgerHorizon#columns()}), its named parameters turned into
     * JDBC's {@code ?} once. A counter check runs it on every request: building its 3 KB text anew each time (the
     * horizon's columns put in, then each name substituted by Spring) was one of the larger allocations of a check, and
     * pgjdbc hashed every new copy to find its prepared statement.
     */
    private static final Map<String, PositionalSql> ONE_CHECK_FOR = new ConcurrentHashMap<>();

    /** A statement with named parameters, parsed and put in positional form once; {@link #values} orders a call's values. */
    private record PositionalSql(ParsedSql parsed, String sql) {

        static PositionalSql of(String named) {
            ParsedSql parsed = NamedParameterUtils.parseSqlStatement(named);
            return new PositionalSql(parsed, NamedParameterUtils.substituteNamedParameters(parsed, null));
        }

        Object[] values(Map<String, ?> parameters) {
            return NamedParameterUtils.buildValueArray(parsed, new MapSqlParameterSource(parameters), null);
        }
    }

    /** {@link #ENTRIES} for many codes at once; {@code code} names the checked code each row was found for. */
    private static final String ENTRIES_OF_MANY = rules("""
            with named as (
                select e.*, e.subject_code as code, 'SUBJECT' as capacity from check_entry e
                where e.subject_code = any(cast(:subjects as text[]))
                union all
                select e.*, p.person_code as code, p.capacity from check_person p join check_entry e on e.entry_id = p.entry_id
                where p.person_code = any(cast(:subjects as text[])))
            select e.code, e.entry_id, e.list_code, e.colour, e.authority, e.decision_no, e.effective_from,
                e.effective_until, e.capacity,
                {disputed} as disputed
            from named e
            where {entryInForce}
            order by e.code, e.listed_position, e.capacity""");

    /** {@link #MEASURES} without the domain and list conditions, which {@link Measures#applying} applies in order. */
    private static final String MEASURES_VALID = rules("""
            select measure_code, version, name, kind, scope, legal_basis, list_codes, binds, domain
            from check_measure m
            where {measureValid}
            order by kind, measure_code""");

    /** {@link #BREACHES} for many codes at once. */
    private static final String BREACHES_OF_MANY = rules("""
            select b.subject_code, b.commitment_id, c.type, c.unit_id, c.matter, b.occurred_on
            from check_breach b join check_commitment c on c.commitment_id = b.commitment_id
            where b.subject_code = any(cast(:subjects as text[]))
              and {breachInWindow}
            order by b.subject_code, b.occurred_on desc, b.commitment_id""");

    private static final String LAST_RECORDED_BY = """
            select global_index from domain_event_entry where time_stamp <= ?
            order by time_stamp desc, global_index desc limit 1""";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    CheckLookup(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** What a check finds: the entries in force and the measures of the domain that apply through them. */
    public record Findings(List<CheckedEntry> entries, List<AppliedMeasure> measures) {
    }

    public Findings find(String subjectCode, MeasureDomain domain, LedgerHorizon horizon) {
        List<CheckedEntry> entries = entriesInForce(subjectCode, horizon);
        if (entries.isEmpty()) {
            return new Findings(entries, List.of());
        }
        List<AppliedMeasure> measures = jdbc.sql(MEASURES.replace("{h}", horizon.columns()))
                .param("domain", domain.name())
                .param("subjectLists", lists(entries, true))
                .param("personLists", lists(entries, false))
                .param("bound", horizon.bound())
                .param("day", horizon.day())
                .query(CheckLookup::measure)
                .list();
        return new Findings(entries, measures);
    }

    /**
     * The {@code ledgerPosition} of an answer as of {@code instant}: the global index of the last event recorded at or
     * before it (by record time, then global index), or -1 when nothing was. Record times are ISO-8601 UTC text with
     * milliseconds, whose text order is time order; read through the {@code (time_stamp, global_index)} index.
     */
    public long lastRecordedBy(Instant instant) {
        return jdbc.sql(LAST_RECORDED_BY).param(DateTimeUtils.formatInstant(instant)).query(Long.class).optional().orElse(-1L);
    }

    /** The subject's entries in force at the horizon, in the order they were made. */
    public List<CheckedEntry> entriesInForce(String subjectCode, LedgerHorizon horizon) {
        return jdbc.sql(ENTRIES.replace("{h}", horizon.columns()))
                .param("subject", subjectCode)
                .param("bound", horizon.bound())
                .param("day", horizon.day())
                .query(CheckLookup::entry)
                .list();
    }

    /**
     * The subject's broken commitments (违约) known at the horizon (recorded, or corrected to a breach, and not
     * corrected away by then) that occurred within {@code window} before the horizon's day: on a day after
     * {@code day − window}. Newest first.
     */
    public List<CheckedBreach> breaches(String subjectCode, LedgerHorizon horizon, Period window) {
        return jdbc.sql(BREACHES.replace("{h}", horizon.columns()))
                .param("subject", subjectCode)
                .param("bound", horizon.bound())
                .param("windowStart", horizon.day().minus(window))
                .query((rs, n) -> breach(rs))
                .list();
    }

    /** What one check reads: the findings and the breaches within {@code window}. */
    public record CheckFindings(Findings findings, List<CheckedBreach> breaches) {
    }

    /**
     * {@link #find} and {@link #breaches(String, LedgerHorizon, Period)} of one code in one statement: a counter check's
     * single round trip to PostgreSQL before its answer is recorded.
     */
    public CheckFindings check(String subjectCode, MeasureDomain domain, LedgerHorizon horizon, Period window) {
        List<CheckedEntry> entries = new ArrayList<>();
        List<AppliedMeasure> measures = new ArrayList<>();
        List<CheckedBreach> breaches = new ArrayList<>();
        PositionalSql statement = ONE_CHECK_FOR.computeIfAbsent(horizon.columns(),
                columns -> PositionalSql.of(ONE_CHECK.replace("{h}", columns)));
        jdbc.sql(statement.sql())
                .params(statement.values(Map.of("subject", subjectCode, "domain", domain.name(), "bound", horizon.bound(),
                        "day", horizon.day(), "windowStart", horizon.day().minus(window))))
                .query((ResultSet rs) -> {
                    switch (rs.getInt("part")) {
                        case 1 -> entries.add(entry(rs, 0));
                        case 2 -> measures.add(measure(rs, 0));
                        default -> breaches.add(breach(rs));
                    }
                });
        return new CheckFindings(new Findings(List.copyOf(entries), List.copyOf(measures)), List.copyOf(breaches));
    }

    /** What a batch of checks at one horizon reads: each code's entries in force and breaches, the measures valid then. */
    public record BatchFindings(Map<String, List<CheckedEntry>> entries, Measures measures,
                                Map<String, List<CheckedBreach>> breaches) {
    }

    /**
     * What {@link #check} reads, for many codes at one horizon in three queries instead of one per code. They run in
     * one read-only transaction that plans no parallel workers ({@code set local}, so the pooled connection keeps its
     * settings): with a thousand codes the entries' query costs enough for PostgreSQL to plan two, and starting them (a
     * process each, for every batch) took 30–40 ms on two cores, several times the index probes they were meant to
     * share (benchmarks.md, issue 13, session 9).
     */
    public BatchFindings findAll(Collection<String> subjectCodes, LedgerHorizon horizon, Period window) {
        return withoutParallelWorkers(() -> new BatchFindings(entriesInForce(subjectCodes, horizon), measuresAt(horizon),
                breaches(subjectCodes, horizon, window)));
    }

    /** {@code reads} in one read-only transaction whose statements are planned without parallel workers. */
    <T> T withoutParallelWorkers(Supplier<T> reads) {
        return readOnly.execute(status -> {
            jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
            return reads.get();
        });
    }

    /**
     * {@link #entriesInForce} for many codes at one horizon, in one query. A code with no entry in force maps to an
     * empty list.
     */
    private Map<String, List<CheckedEntry>> entriesInForce(Collection<String> subjectCodes, LedgerHorizon horizon) {
        Map<String, List<CheckedEntry>> found = new HashMap<>();
        subjectCodes.forEach(code -> found.put(code, new ArrayList<>()));
        jdbc.sql(ENTRIES_OF_MANY.replace("{h}", horizon.columns()))
                .param("subjects", subjectCodes.stream().distinct().toArray(String[]::new))
                .param("bound", horizon.bound())
                .param("day", horizon.day())
                .query((rs, n) -> found.get(rs.getString("code")).add(entry(rs, n)))
                .list();
        return found;
    }

    /** {@link #breaches} for many codes at one horizon, in one query. A code with none maps to an empty list. */
    private Map<String, List<CheckedBreach>> breaches(Collection<String> subjectCodes, LedgerHorizon horizon, Period window) {
        Map<String, List<CheckedBreach>> found = new HashMap<>();
        subjectCodes.forEach(code -> found.put(code, new ArrayList<>()));
        jdbc.sql(BREACHES_OF_MANY.replace("{h}", horizon.columns()))
                .param("subjects", subjectCodes.stream().distinct().toArray(String[]::new))
                .param("bound", horizon.bound())
                .param("windowStart", horizon.day().minus(window))
                .query((rs, n) -> found.get(rs.getString("subject_code")).add(breach(rs)))
                .list();
        return found;
    }

    /** Every measure version valid at {@code horizon}, read once for many checks at that horizon. */
    private Measures measuresAt(LedgerHorizon horizon) {
        return new Measures(jdbc.sql(MEASURES_VALID.replace("{h}", horizon.columns()))
                .param("bound", horizon.bound())
                .param("day", horizon.day())
                .query((rs, n) -> new ValidMeasure(MeasureDomain.valueOf(rs.getString("domain")), measure(rs, n)))
                .list());
    }

    private record ValidMeasure(MeasureDomain domain, AppliedMeasure measure) {
    }

    /** The measures valid at one horizon, in {@link #MEASURES}' order. */
    public static final class Measures {
        private final List<ValidMeasure> valid;

        private Measures(List<ValidMeasure> valid) {
            this.valid = valid;
        }

        /** What {@link #find} answers for these entries: the measures of the domain that apply through them. */
        public Findings applying(List<CheckedEntry> entries, MeasureDomain domain) {
            if (entries.isEmpty()) {
                return new Findings(entries, List.of());
            }
            List<String> subjectLists = Arrays.asList(lists(entries, true));
            List<String> personLists = Arrays.asList(lists(entries, false));
            List<AppliedMeasure> applying = valid.stream()
                    .filter(m -> m.domain() == domain)
                    .map(ValidMeasure::measure)
                    .filter(m -> ((m.binds() == MeasureBinds.SUBJECT || m.binds() == MeasureBinds.BOTH)
                            && m.listCodes().stream().anyMatch(subjectLists::contains))
                            || ((m.binds() == MeasureBinds.PERSONS || m.binds() == MeasureBinds.BOTH)
                            && m.listCodes().stream().anyMatch(personLists::contains)))
                    .toList();
            return new Findings(entries, applying);
        }
    }

    private static CheckedBreach breach(ResultSet rs) throws SQLException {
        return new CheckedBreach(new CommitmentId(rs.getObject("commitment_id", UUID.class)),
                CommitmentType.valueOf(rs.getString("type")), rs.getString("unit_id"), rs.getString("matter"),
                rs.getObject("occurred_on", LocalDate.class));
    }

    /** The lists of the entries naming the code as their subject ({@code subject}), or as one of their persons. */
    private static String[] lists(List<CheckedEntry> entries, boolean subject) {
        return entries.stream().filter(e -> (e.capacity() == Capacity.SUBJECT) == subject)
                .map(CheckedEntry::listCode).distinct().toArray(String[]::new);
    }

    private static CheckedEntry entry(ResultSet rs, int row) throws SQLException {
        return new CheckedEntry(new EntryId(rs.getObject("entry_id", UUID.class)), rs.getString("list_code"),
                ListColour.valueOf(rs.getString("colour")), rs.getString("authority"), rs.getString("decision_no"),
                rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_until", LocalDate.class),
                rs.getBoolean("disputed"), Capacity.valueOf(rs.getString("capacity")));
    }

    private static AppliedMeasure measure(ResultSet rs, int row) throws SQLException {
        Array lists = rs.getArray("list_codes");
        return new AppliedMeasure(rs.getString("measure_code"), rs.getInt("version"), rs.getString("name"),
                MeasureKind.valueOf(rs.getString("kind")), MeasureScope.valueOf(rs.getString("scope")),
                rs.getString("legal_basis"), Arrays.asList((String[]) lists.getArray()), MeasureBinds.valueOf(rs.getString("binds")));
    }
}
