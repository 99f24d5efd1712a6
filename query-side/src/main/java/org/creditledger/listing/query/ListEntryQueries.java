package org.creditledger.listing.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditledger.listing.api.EntryStatus;
import org.creditledger.listing.api.ExitReason;
import org.creditledger.platform.web.Page;
import org.creditledger.subject.SubjectKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads {@code list_entry_view}, {@code list_entry_history} and {@code list_entry_pending}. */
@Component
class ListEntryQueries {

    private static final TypeReference<Map<String, JsonNode>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ListEntryQueries(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * What awaits the authority: an open objection or a pending repair ({@code itemId} its id), each with the day it
     * must be decided by and {@code overdue} once that day ended undecided; or a reminder (提醒预警, kind
     * {@value #REPAIR_ELIGIBLE}) that an active entry's subject may apply for repair since {@code eligibleFrom}
     * ({@code itemId} the entry's id, as the entry is what to act on; {@code since} the same day).
     */
    record PendingItem(String kind, UUID itemId, UUID entryId, String listCode, String listAuthority, LocalDate since,
                       LocalDate decideBy, boolean overdue, LocalDate eligibleFrom) {
    }

    static final String REPAIR_ELIGIBLE = "REPAIR_ELIGIBLE";

    Optional<ListEntryView> find(UUID entryId) {
        return jdbc.sql("select * from list_entry_view where entry_id = ?").param(entryId)
                .query(this::view).optional()
                .map(view -> view.withSubject(view.subject(), history(entryId)));
    }

    /**
     * Entries by list and/or subject (at least one given), optionally only one status; oldest decision first, one page
     * of them with the number of all that match.
     */
    Page<ListEntryView> search(String listCode, String subjectCode, EntryStatus status, int page, int size) {
        String where = """
                where (cast(:list as varchar) is null or list_code = :list)
                  and (cast(:subject as varchar) is null or subject_code = :subject)
                  and (cast(:status as varchar) is null or status = :status)""";
        String statusName = status == null ? null : status.name();
        long total = jdbc.sql("select count(*) from list_entry_view " + where)
                .param("list", listCode).param("subject", subjectCode).param("status", statusName)
                .query(Long.class).single();
        List<ListEntryView> items = jdbc.sql("select * from list_entry_view " + where
                        + " order by decided_on, recorded_at, entry_id limit :limit offset :offset")
                .param("list", listCode).param("subject", subjectCode).param("status", statusName)
                .param("limit", size).param("offset", Page.offset(page, size))
                .query(this::view).list();
        return new Page<>(items, page, size, total);
    }

    /**
     * What awaits {@code authority} (every authority when null), one page: first what awaits a decision, the earliest
     * decision date first; then the reminders, the longest eligible first. An entry is eligible for repair as of
     * {@code today} when it is active, its subject could apply since {@code repair_eligible_from} (early repair
     * allowed and the minimum wait passed) and no application of it is pending.
     */
    Page<PendingItem> pending(String authority, LocalDate today, int page, int size) {
        String items = """
                select kind, item_id, entry_id, list_code, list_authority, since, decide_by, overdue,
                       cast(null as date) as eligible_from, 0 as reminder
                from list_entry_pending
                where cast(:authority as varchar) is null or list_authority = :authority
                union all
                select '%s', v.entry_id, v.entry_id, v.list_code, v.list_authority, v.repair_eligible_from,
                       cast(null as date), false, v.repair_eligible_from, 1
                from list_entry_view v
                where v.status = 'ACTIVE' and v.repair_eligible_from <= :today
                  and (cast(:authority as varchar) is null or v.list_authority = :authority)
                  and not exists (select 1 from list_entry_pending p where p.entry_id = v.entry_id and p.kind = 'REPAIR')
                """.formatted(REPAIR_ELIGIBLE);
        long total = jdbc.sql("select count(*) from (" + items + ") items")
                .param("authority", authority).param("today", today).query(Long.class).single();
        List<PendingItem> found = jdbc.sql("select * from (" + items + """
                        ) items
                        order by reminder, coalesce(decide_by, since), since, item_id, entry_id
                        limit :limit offset :offset""")
                .param("authority", authority).param("today", today)
                .param("limit", size).param("offset", Page.offset(page, size))
                .query((rs, n) -> new PendingItem(rs.getString("kind"), rs.getObject("item_id", UUID.class),
                        rs.getObject("entry_id", UUID.class), rs.getString("list_code"), rs.getString("list_authority"),
                        rs.getObject("since", LocalDate.class), rs.getObject("decide_by", LocalDate.class),
                        rs.getBoolean("overdue"), rs.getObject("eligible_from", LocalDate.class)))
                .list();
        return new Page<>(found, page, size, total);
    }

    private List<ListEntryView.HistoryItem> history(UUID entryId) {
        return jdbc.sql("select type, recorded_at, details from list_entry_history where entry_id = ? order by seq")
                .param(entryId)
                .query((rs, n) -> new ListEntryView.HistoryItem(rs.getString("type"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), details(rs.getString("details"))))
                .list();
    }

    private Map<String, JsonNode> details(String text) {
        try {
            return json.readValue(text, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable list entry history", e);
        }
    }

    private ListEntryView view(ResultSet rs, int row) throws SQLException {
        String exitReason = rs.getString("exit_reason");
        UUID openObjection = rs.getObject("open_objection_id", UUID.class);
        return new ListEntryView(rs.getObject("entry_id", UUID.class), rs.getString("list_code"),
                rs.getString("list_authority"),
                new ListEntryView.Subject(SubjectKind.valueOf(rs.getString("subject_kind")), rs.getString("subject_code"),
                        rs.getString("subject_name")),
                EntryStatus.valueOf(rs.getString("status")),
                exitReason == null ? null : ExitReason.valueOf(exitReason), rs.getObject("exited_on", LocalDate.class),
                openObjection != null, openObjection, rs.getBoolean("objection_overdue"),
                rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_until", LocalDate.class),
                rs.getString("decision_no"), rs.getObject("decided_on", LocalDate.class), rs.getString("reason"),
                person(rs.getString("legal_representative_person")), persons(rs.getString("responsible_persons_detail")),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), List.of());
    }

    private ListEntryView.Person person(String text) {
        return text == null ? null : read(text, ListEntryView.Person.class);
    }

    private List<ListEntryView.Person> persons(String text) {
        return text == null ? List.of() : List.of(read(text, ListEntryView.Person[].class));
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable persons of a list entry", e);
        }
    }
}
