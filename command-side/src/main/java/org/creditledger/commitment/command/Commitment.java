package org.creditledger.commitment.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentBecameOverdueEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentBreachedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentFulfilledEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentOutcomeCorrectedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CorrectOutcomeCommand;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentPostedEvent;
import org.creditledger.commitment.api.CommitmentMessages.PostCommitmentCommand;
import org.creditledger.commitment.api.CommitmentMessages.RecordOutcomeCommand;
import org.creditledger.commitment.api.CommitmentStatus;
import org.creditledger.commitment.api.Outcome;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.unit.api.UnitId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A credit commitment letter (信用承诺书) and its fulfilment record (履约践诺信息).
 * {@code POSTED → FULFILLED | BREACHED}; with a due date and no outcome by the end of that day (Asia/Shanghai) it
 * becomes {@code OVERDUE} through a persistent deadline, and may still get an outcome. An outcome is not recorded
 * twice; a wrong one is corrected by a recorded correction, which keeps the first in the history.
 */
@Aggregate
class Commitment {

    /** Business dates, due dates included, are Asia/Shanghai calendar dates. */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    static final String OVERDUE_DEADLINE = "commitment-overdue";

    /**
     * The raw id string: deadline scopes are serialised with the identifier as it is here, and a plain string
     * survives the round trip through db-scheduler where a typed id would come back as a JSON map.
     */
    @AggregateIdentifier
    private String id;
    private CommitmentId commitmentId;
    private UnitId unitId;
    private String subjectCode;
    private LocalDate signedOn;
    private LocalDate dueDate;
    private CommitmentStatus status;
    /** When the first outcome was recorded: the fulfilment record counts in that period, whatever corrections follow. */
    private Instant outcomeRecordedAt;

    Commitment() {
        // for Axon
    }

    @CommandHandler
    Commitment(PostCommitmentCommand command, DeadlineManager deadlines) {
        if (command.dueDate() != null && command.dueDate().isBefore(command.signedOn())) {
            throw new CommitmentRejected("dueDate", "commitment.due-date.before-signed", command.signedOn());
        }
        apply(new CommitmentPostedEvent(command.commitmentId(), command.unitId(), command.type(), command.subject(),
                command.matter(), command.content(), command.signedOn(), command.dueDate(), command.letterNo()));
        if (command.dueDate() != null) {
            deadlines.schedule(endOf(command.dueDate()), OVERDUE_DEADLINE);
        }
    }

    @CommandHandler
    CommitmentStatus handle(RecordOutcomeCommand command) {
        if (command.recordedBy() != null && !command.recordedBy().equals(unitId)) {
            throw new NotTheCommitmentsUnit(unitId, commitmentId);
        }
        if (status.isFinal()) {
            throw new CommitmentAlreadyClosed(commitmentId, status);
        }
        if (command.occurredOn().isBefore(signedOn)) {
            throw new CommitmentRejected("occurredOn", "commitment.occurred-on.before-signed", signedOn);
        }
        if (command.outcome() == Outcome.FULFILLED) {
            apply(new CommitmentFulfilledEvent(commitmentId, unitId, subjectCode, command.occurredOn(), command.note()));
        } else {
            apply(new CommitmentBreachedEvent(commitmentId, unitId, subjectCode, command.occurredOn(), command.note()));
        }
        return status;
    }

    /**
     * Replaces the recorded outcome. Only an outcome can be corrected (none yet → 409, recording one is the way), and
     * only to the other outcome (the same → 409: nothing to correct).
     */
    @CommandHandler
    CommitmentStatus handle(CorrectOutcomeCommand command) {
        if (command.correctedBy() != null && !command.correctedBy().equals(unitId)) {
            throw new NotTheCommitmentsUnit(unitId, commitmentId);
        }
        if (!status.isFinal()) {
            throw new NoOutcomeToCorrect(commitmentId, status);
        }
        Outcome current = status == CommitmentStatus.FULFILLED ? Outcome.FULFILLED : Outcome.BREACHED;
        if (command.outcome() == current) {
            throw new OutcomeAlreadySo(commitmentId, status);
        }
        if (command.occurredOn().isBefore(signedOn)) {
            throw new CommitmentRejected("occurredOn", "commitment.occurred-on.before-signed", signedOn);
        }
        apply(new CommitmentOutcomeCorrectedEvent(commitmentId, unitId, subjectCode, current, command.outcome(),
                command.occurredOn(), command.reason(), outcomeRecordedAt));
        return status;
    }

    /**
     * The overdue deadline is never cancelled: an outcome makes it a no-op. Cancelling would need its schedule id as
     * aggregate state that no event carries, or a scan of all scheduled deadlines.
     */
    @DeadlineHandler(deadlineName = OVERDUE_DEADLINE)
    void dueDateEnded() {
        if (status == CommitmentStatus.POSTED) {
            apply(new CommitmentBecameOverdueEvent(commitmentId, unitId, subjectCode, dueDate),
                    LedgerMetadata.system("due date " + dueDate + " ended without an outcome", null).toMetaData());
        }
    }

    @EventSourcingHandler
    void on(CommitmentPostedEvent event) {
        id = event.commitmentId().toString();
        commitmentId = event.commitmentId();
        unitId = event.unitId();
        subjectCode = event.subject().code();
        signedOn = event.signedOn();
        dueDate = event.dueDate();
        status = CommitmentStatus.POSTED;
    }

    @EventSourcingHandler
    void on(CommitmentFulfilledEvent event, @Timestamp Instant recordedAt) {
        status = CommitmentStatus.FULFILLED;
        outcomeRecordedAt = recordedAt;
    }

    @EventSourcingHandler
    void on(CommitmentBreachedEvent event, @Timestamp Instant recordedAt) {
        status = CommitmentStatus.BREACHED;
        outcomeRecordedAt = recordedAt;
    }

    @EventSourcingHandler
    void on(CommitmentOutcomeCorrectedEvent event) {
        status = event.outcome() == Outcome.FULFILLED ? CommitmentStatus.FULFILLED : CommitmentStatus.BREACHED;
    }

    @EventSourcingHandler
    void on(CommitmentBecameOverdueEvent event) {
        status = CommitmentStatus.OVERDUE;
    }

    /** The first instant after {@code day} in Asia/Shanghai. */
    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(BUSINESS_ZONE).toInstant();
    }
}
