package org.creditledger.commitment.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentBecameOverdueEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentBreachedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentFulfilledEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentOutcomeCorrectedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentPostedEvent;
import org.creditledger.commitment.api.CommitmentStatus;
import org.creditledger.commitment.api.Outcome;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps {@code commitment_view}: the current state of each commitment letter (信用承诺书) and its fulfilment
 * record (履约践诺信息). Writes are upserts or guarded updates, so handling an event twice does no harm.
 */
@Component
@ProcessingGroup(CommitmentProjection.PROCESSING_GROUP)
public class CommitmentProjection {

    public static final String PROCESSING_GROUP = "commitments";

    /** The tables a rebuild replaces. Declaring them also gives the group the read models' tracking processor. */
    @Bean
    static RebuildableProjection commitmentTables() {
        return RebuildableProjection.of(PROCESSING_GROUP, "commitment_view");
    }

    private final JdbcClient jdbc;

    CommitmentProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommitmentPostedEvent event, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        insert into commitment_view (commitment_id, unit_id, type, subject_kind, subject_code, subject_name,
                            matter, content, signed_on, due_date, letter_no, status, recorded_at)
                        values (:id, :unit, :type, :subjectKind, :subjectCode, :subjectName,
                            :matter, :content, :signedOn, :dueDate, :letterNo, :status, :recordedAt)
                        on conflict (commitment_id) do nothing""")
                .param("id", event.commitmentId().value())
                .param("unit", event.unitId().value())
                .param("type", event.type().name())
                .param("subjectKind", event.subject().kind().name())
                .param("subjectCode", event.subject().code())
                .param("subjectName", event.subject().name())
                .param("matter", event.matter())
                .param("content", event.content())
                .param("signedOn", event.signedOn())
                .param("dueDate", event.dueDate())
                .param("letterNo", event.letterNo())
                .param("status", CommitmentStatus.POSTED.name())
                .param("recordedAt", utc(recordedAt))
                .update();
    }

    @EventHandler
    void on(CommitmentFulfilledEvent event, @Timestamp Instant recordedAt) {
        recordOutcome(event.commitmentId(), Outcome.FULFILLED, event.occurredOn(), event.note(), recordedAt);
    }

    @EventHandler
    void on(CommitmentBreachedEvent event, @Timestamp Instant recordedAt) {
        recordOutcome(event.commitmentId(), Outcome.BREACHED, event.occurredOn(), event.note(), recordedAt);
    }

    /**
     * The letter's status and outcome become the corrected ones; the outcome's note and record time stay those of the
     * first record (the history has both). Guarded by the outcome it corrects, so a repeat does nothing.
     */
    @EventHandler
    void on(CommitmentOutcomeCorrectedEvent event, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        update commitment_view set status = :outcome, outcome = :outcome, outcome_occurred_on = :occurredOn,
                            outcome_corrected_at = :at, correction_reason = :reason
                        where commitment_id = :id and outcome = :previous""")
                .param("outcome", event.outcome().name())
                .param("occurredOn", event.occurredOn())
                .param("at", utc(recordedAt))
                .param("reason", event.reason())
                .param("id", event.commitmentId().value())
                .param("previous", event.previousOutcome().name())
                .update();
    }

    /** Only a commitment still waiting for its outcome becomes overdue; the moment is kept after an outcome. */
    @EventHandler
    void on(CommitmentBecameOverdueEvent event, @Timestamp Instant recordedAt) {
        jdbc.sql("update commitment_view set status = :overdue, overdue_since = :at where commitment_id = :id and status = :posted")
                .param("overdue", CommitmentStatus.OVERDUE.name())
                .param("at", utc(recordedAt))
                .param("id", event.commitmentId().value())
                .param("posted", CommitmentStatus.POSTED.name())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from commitment_view").update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private void recordOutcome(CommitmentId id, Outcome outcome, LocalDate occurredOn, String note, Instant recordedAt) {
        jdbc.sql("""
                        update commitment_view set status = :outcome, outcome = :outcome, outcome_occurred_on = :occurredOn,
                            outcome_note = :note, outcome_recorded_at = :at
                        where commitment_id = :id and outcome is null""")
                .param("outcome", outcome.name())
                .param("occurredOn", occurredOn)
                .param("note", note)
                .param("at", utc(recordedAt))
                .param("id", id.value())
                .update();
    }
}
