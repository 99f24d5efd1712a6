package org.creditledger.commitment.query;

import org.creditledger.commitment.api.CommitmentStatus;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.commitment.api.Outcome;
import org.creditledger.platform.web.Page;
import org.creditledger.subject.SubjectKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads {@code commitment_view}. */
@Component
class CommitmentQueries {

    private final JdbcClient jdbc;

    CommitmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CommitmentView> find(UUID commitmentId) {
        return jdbc.sql("select * from commitment_view where commitment_id = ?").param(commitmentId)
                .query(CommitmentQueries::view).optional();
    }

    /**
     * What a list of letters may be narrowed to; null parts do not narrow. {@code unitId} null: every unit.
     * {@code signedFrom}/{@code signedTo} are inclusive, {@code dueBefore} is exclusive (due dates before that day).
     */
    record Filter(String unitId, CommitmentStatus status, CommitmentType type, String subjectCode, LocalDate signedFrom,
                  LocalDate signedTo, LocalDate dueBefore, String letterNo) {
    }

    /**
     * One page of the letters that match, newest signing date first (then latest recorded, then id, so pages never
     * overlap), with the count of all that match. The count and the page use the same WHERE, built from the given
     * parts only, so each query can use the index on its leading columns.
     */
    Page<CommitmentView> search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        narrow(where, params, "unit_id = :unit", "unit", filter.unitId());
        narrow(where, params, "status = :status", "status", filter.status() == null ? null : filter.status().name());
        narrow(where, params, "type = :type", "type", filter.type() == null ? null : filter.type().name());
        narrow(where, params, "subject_code = :subject", "subject", filter.subjectCode());
        narrow(where, params, "signed_on >= :signedFrom", "signedFrom", filter.signedFrom());
        narrow(where, params, "signed_on <= :signedTo", "signedTo", filter.signedTo());
        narrow(where, params, "due_date < :dueBefore", "dueBefore", filter.dueBefore());
        narrow(where, params, "letter_no = :letterNo", "letterNo", filter.letterNo());
        long total = jdbc.sql("select count(*) from commitment_view" + where).params(params).query(Long.class).single();
        List<CommitmentView> items = jdbc.sql("select * from commitment_view" + where
                        + " order by signed_on desc, recorded_at desc, commitment_id desc limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", Page.offset(page, size))
                .query(CommitmentQueries::view).list();
        return new Page<>(items, page, size, total);
    }

    /** A unit's follow-up (跟踪复核) on {@code today} (Asia/Shanghai). */
    FollowUp followUp(String unitId, LocalDate today, int oldest) {
        LocalDate lastDue = today.plusDays(FollowUp.DUE_WITHIN_DAYS);
        FollowUp.Counts counts = jdbc.sql("""
                        select count(*) filter (where status = 'POSTED' and due_date between :today and :lastDue) as due_soon,
                               count(*) filter (where status = 'OVERDUE') as overdue,
                               count(*) filter (where outcome = 'BREACHED' and outcome_occurred_on between :yearStart and :yearEnd) as breached
                        from commitment_view where unit_id = :unit""")
                .param("unit", unitId)
                .param("today", today)
                .param("lastDue", lastDue)
                .param("yearStart", today.withDayOfYear(1))
                .param("yearEnd", today.withMonth(12).withDayOfMonth(31))
                .query((rs, n) -> new FollowUp.Counts(rs.getLong("due_soon"), rs.getLong("overdue"), rs.getLong("breached")))
                .single();
        List<CommitmentView> oldestOverdue = jdbc.sql("""
                        select * from commitment_view where unit_id = :unit and status = 'OVERDUE'
                        order by due_date, recorded_at, commitment_id limit :limit""")
                .param("unit", unitId)
                .param("limit", oldest)
                .query(CommitmentQueries::view).list();
        return new FollowUp(unitId, today, lastDue, counts.dueSoon(), counts.overdue(), counts.breached(), oldestOverdue);
    }

    boolean unitExists(String unitId) {
        return jdbc.sql("select count(*) from unit_view where unit_id = ?").param(unitId).query(Long.class).single() > 0;
    }

    private static void narrow(StringBuilder where, Map<String, Object> params, String condition, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.put(name, value);
        }
    }

    private static CommitmentView view(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new CommitmentView(rs.getObject("commitment_id", UUID.class), rs.getString("unit_id"),
                rs.getString("letter_no"), CommitmentType.valueOf(rs.getString("type")),
                new CommitmentView.Subject(SubjectKind.valueOf(rs.getString("subject_kind")), rs.getString("subject_code"),
                        rs.getString("subject_name")),
                rs.getString("matter"), rs.getString("content"),
                rs.getObject("signed_on", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                CommitmentStatus.valueOf(rs.getString("status")), instant(rs, "recorded_at"),
                outcome == null ? null : new CommitmentView.OutcomeView(Outcome.valueOf(outcome),
                        rs.getObject("outcome_occurred_on", LocalDate.class), rs.getString("outcome_note"),
                        instant(rs, "outcome_recorded_at"), instant(rs, "outcome_corrected_at"),
                        rs.getString("correction_reason")),
                instant(rs, "overdue_since"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
