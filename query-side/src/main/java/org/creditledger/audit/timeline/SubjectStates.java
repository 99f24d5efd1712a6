package org.creditledger.audit.timeline;

import org.creditledger.audit.timeline.SubjectState.OpenCommitment;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentBecameOverdueEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentBreachedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentFulfilledEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentPostedEvent;
import org.creditledger.commitment.api.CommitmentStatus;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.platform.web.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A subject's state as of an instant, from the events recorded by then. The timeline holds every event about the
 * subject with its record time, so "as known at T" is a filter on it, not a second history to keep.
 */
@Component
class SubjectStates {

    private final JdbcClient jdbc;

    SubjectStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Commitments of the subject posted by {@code asOf} with no outcome recorded by then, oldest first: one page, with
     * how many there are.
     */
    Page<OpenCommitment> openCommitments(String subjectCode, Instant asOf, int page, int size) {
        String open = """
                with known as (
                    select * from subject_timeline
                    where subject_code = :subject and kind = 'COMMITMENT' and recorded_at <= :asOf)
                select %s
                from known posted
                where posted.type = :postedType
                  and not exists (select 1 from known outcome
                                  where outcome.aggregate_identifier = posted.aggregate_identifier
                                    and outcome.type in (:fulfilledType, :breachedType))
                """;
        long total = bind(jdbc.sql(open.formatted("count(*)")), subjectCode, asOf).query(Long.class).single();
        List<OpenCommitment> items = bind(jdbc.sql(open.formatted("""
                        posted.aggregate_identifier, posted.summary ->> 'unitId' as unit_id,
                        posted.summary ->> 'type' as type, posted.summary ->> 'matter' as matter,
                        posted.summary ->> 'signedOn' as signed_on, posted.summary ->> 'dueDate' as due_date,
                        posted.recorded_at,
                        (select min(overdue.recorded_at) from known overdue
                         where overdue.aggregate_identifier = posted.aggregate_identifier
                           and overdue.type = :overdueType) as overdue_since""")
                        + "order by posted.global_index limit :limit offset :offset"), subjectCode, asOf)
                .param("overdueType", CommitmentBecameOverdueEvent.class.getSimpleName())
                .param("limit", size)
                .param("offset", Page.offset(page, size))
                .query(SubjectStates::openCommitment).list();
        return new Page<>(items, page, size, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, String subjectCode, Instant asOf) {
        return statement
                .param("subject", subjectCode)
                .param("asOf", asOf.atOffset(ZoneOffset.UTC))
                .param("postedType", CommitmentPostedEvent.class.getSimpleName())
                .param("fulfilledType", CommitmentFulfilledEvent.class.getSimpleName())
                .param("breachedType", CommitmentBreachedEvent.class.getSimpleName());
    }

    private static OpenCommitment openCommitment(ResultSet rs, int row) throws SQLException {
        Instant overdueSince = instant(rs, "overdue_since");
        return new OpenCommitment(UUID.fromString(rs.getString("aggregate_identifier")), rs.getString("unit_id"),
                CommitmentType.valueOf(rs.getString("type")), rs.getString("matter"), date(rs, "signed_on"),
                date(rs, "due_date"), overdueSince == null ? CommitmentStatus.POSTED : CommitmentStatus.OVERDUE,
                instant(rs, "recorded_at"), overdueSince);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : LocalDate.parse(text);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
