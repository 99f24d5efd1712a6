package org.creditledger.commitment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.creditledger.subject.SubjectRef;
import org.creditledger.unit.api.UnitId;

import java.time.Instant;
import java.time.LocalDate;

/** Commands and events of credit commitment letters (信用承诺书) and their fulfilment records (履约践诺信息). */
public final class CommitmentMessages {

    private CommitmentMessages() {
    }

    /**
     * A unit posts a subject's signed commitment. {@code dueDate}, if any, is when the promise must be kept by;
     * {@code letterNo}, if any, is the unit's own number of the letter (承诺书编号), unique within the unit.
     */
    public record PostCommitmentCommand(@TargetAggregateIdentifier CommitmentId commitmentId, UnitId unitId,
                                        CommitmentType type, SubjectRef subject, String matter, String content,
                                        LocalDate signedOn, LocalDate dueDate, String letterNo) {
    }

    /**
     * {@code letterNo} came later as a nullable last field: events stored before it read back with {@code null}
     * (Jackson fills an absent record component with null), so the payload stays revision 1 and needs no upcaster.
     */
    @Revision("1")
    public record CommitmentPostedEvent(CommitmentId commitmentId, UnitId unitId, CommitmentType type,
                                        SubjectRef subject, String matter, String content, LocalDate signedOn,
                                        LocalDate dueDate, String letterNo) {
    }

    /**
     * Records the outcome (履约 or 违约) that occurred on {@code occurredOn}. {@code recordedBy} is the unit of the
     * clerk recording it, which must be the unit that posted the commitment; null when an administrator records it.
     */
    public record RecordOutcomeCommand(@TargetAggregateIdentifier CommitmentId commitmentId, Outcome outcome,
                                       LocalDate occurredOn, String note, UnitId recordedBy) {
    }

    /** 履约: the subject kept the promise. Counts as a fulfilment record of {@code unitId}. */
    @Revision("1")
    public record CommitmentFulfilledEvent(CommitmentId commitmentId, UnitId unitId, String subjectCode,
                                           LocalDate occurredOn, String note) {
    }

    /** 违约: the subject broke the promise; may be the ground for a list entry. Counts as a fulfilment record. */
    @Revision("1")
    public record CommitmentBreachedEvent(CommitmentId commitmentId, UnitId unitId, String subjectCode,
                                          LocalDate occurredOn, String note) {
    }

    /** The due date ended (Asia/Shanghai) with no outcome recorded. An outcome may still follow. */
    @Revision("1")
    public record CommitmentBecameOverdueEvent(CommitmentId commitmentId, UnitId unitId, String subjectCode,
                                               LocalDate dueDate) {
    }

    /**
     * Corrects a recorded outcome (e.g. a fulfilment recorded by mistake was in fact a breach). {@code correctedBy} is
     * the unit of the clerk correcting it, which must be the unit that posted the commitment; null for an administrator.
     */
    public record CorrectOutcomeCommand(@TargetAggregateIdentifier CommitmentId commitmentId, Outcome outcome,
                                        LocalDate occurredOn, String reason, UnitId correctedBy) {
    }

    /**
     * The recorded outcome {@code previousOutcome} is replaced by {@code outcome}, which occurred on {@code occurredOn}.
     * The earlier outcome event stays in the history; from this event on, the letter counts as {@code outcome}.
     * {@code outcomeRecordedAt} is when the letter's first outcome was recorded: its fulfilment record (履约践诺信息)
     * keeps counting in the period of that time, only as the corrected outcome.
     */
    @Revision("1")
    public record CommitmentOutcomeCorrectedEvent(CommitmentId commitmentId, UnitId unitId, String subjectCode,
                                                  Outcome previousOutcome, Outcome outcome, LocalDate occurredOn,
                                                  String reason, Instant outcomeRecordedAt) {
    }
}
