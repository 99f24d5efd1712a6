package org.creditledger.commitment.query;

import org.creditledger.commitment.api.CommitmentStatus;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.commitment.api.Outcome;
import org.creditledger.subject.SubjectKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

    private static CommitmentView view(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new CommitmentView(rs.getObject("commitment_id", UUID.class), rs.getString("unit_id"),
                CommitmentType.valueOf(rs.getString("type")),
                new CommitmentView.Subject(SubjectKind.valueOf(rs.getString("subject_kind")), rs.getString("subject_code"),
                        rs.getString("subject_name")),
                rs.getString("matter"), rs.getString("content"),
                rs.getObject("signed_on", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                CommitmentStatus.valueOf(rs.getString("status")), instant(rs, "recorded_at"),
                outcome == null ? null : new CommitmentView.OutcomeView(Outcome.valueOf(outcome),
                        rs.getObject("outcome_occurred_on", LocalDate.class), rs.getString("outcome_note"),
                        instant(rs, "outcome_recorded_at")),
                instant(rs, "overdue_since"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
