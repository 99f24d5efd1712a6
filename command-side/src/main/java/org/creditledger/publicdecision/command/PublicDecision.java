package org.creditledger.publicdecision.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.publicdecision.api.ComplianceDefect;
import org.creditledger.publicdecision.api.DecisionId;
import org.creditledger.publicdecision.api.DecisionKind;
import org.creditledger.publicdecision.api.PublicDecisionMessages.DecisionPublicationOverdueEvent;
import org.creditledger.publicdecision.api.PublicDecisionMessages.DecisionPublishedEvent;
import org.creditledger.publicdecision.api.PublicDecisionMessages.DecisionRecordedEvent;
import org.creditledger.publicdecision.api.PublicDecisionMessages.PublishDecisionCommand;
import org.creditledger.publicdecision.api.PublicDecisionMessages.RecordDecisionCommand;
import org.creditledger.publicdecision.api.PublicationLimit;
import org.creditledger.unit.api.UnitId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A licensing (行政许可) or penalty (行政处罚) decision and its publication (双公示). Recorded, it must be published
 * within its kind's limit ({@link PublicationDeadlines}); a persistent deadline at the end of the last day (Asia/Shanghai)
 * flags it if it is still unpublished then. It is published once; a late publication is recorded as late.
 *
 * <p>A decision with an invalid required field is recorded, not refused: its defects go on the event, and the
 * unit's 合规率 counts it as non-compliant. Only what makes the record meaningless is refused (no kind, no dates).
 */
@Aggregate
class PublicDecision {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    static final String PUBLICATION_DEADLINE = "public-decision-publication";

    /**
     * 决定文书号 as the documents write it: an issuing prefix, the year in 〔〕 (or [ ] / （ ）), the number and 号,
     * e.g. 广市监罚〔2025〕12号, 川广市监处罚[2025]3号.
     */
    static final Pattern DECISION_NO = Pattern.compile("^\\S.*[〔\\[（(](19|20)\\d{2}[〕\\]）)]\\s*第?\\d+号$");

    /** The raw id string: deadline scopes keep it through db-scheduler as it is here (see Commitment). */
    @AggregateIdentifier
    private String id;
    private DecisionId decisionId;
    private UnitId unitId;
    private DecisionKind kind;
    private String subjectCode;
    private LocalDate decidedOn;
    private LocalDate publishBy;
    private boolean published;

    PublicDecision() {
        // for Axon
    }

    @CommandHandler
    PublicDecision(RecordDecisionCommand command, PublicationDeadlines deadlines, DeadlineManager deadlineManager) {
        PublicationLimit limit = deadlines.limit(command.kind());
        LocalDate publishBy = deadlines.publishBy(command.kind(), command.decidedOn());
        apply(new DecisionRecordedEvent(command.decisionId(), command.unitId(), command.kind(), command.decisionNo(),
                command.subject(), command.decidedOn(), command.content(), command.validFrom(), command.validUntil(),
                limit, publishBy, defects(command)));
        deadlineManager.schedule(endOf(publishBy), PUBLICATION_DEADLINE);
    }

    /** @return whether the publication was on time (及时) */
    @CommandHandler
    boolean handle(PublishDecisionCommand command) {
        if (command.publishedBy() != null && !command.publishedBy().equals(unitId)) {
            throw new NotTheDecisionsUnit(command.publishedBy(), decisionId);
        }
        if (published) {
            throw new DecisionAlreadyPublished(decisionId);
        }
        if (command.publishedOn().isBefore(decidedOn)) {
            throw new PublicationBeforeDecision(decidedOn);
        }
        boolean onTime = !command.publishedOn().isAfter(publishBy);
        apply(new DecisionPublishedEvent(decisionId, unitId, kind, subjectCode, decidedOn, command.publishedOn(),
                command.channel(), publishBy, onTime));
        return onTime;
    }

    /**
     * Not cancelled on publication: a published decision makes it a no-op (as for a commitment's due date, cancelling
     * would need the schedule id as state no event carries).
     */
    @DeadlineHandler(deadlineName = PUBLICATION_DEADLINE)
    void publicationLimitEnded() {
        if (!published) {
            apply(new DecisionPublicationOverdueEvent(decisionId, unitId, kind, subjectCode, publishBy),
                    LedgerMetadata.system("decision " + decisionId + " unpublished at the end of " + publishBy, null).toMetaData());
        }
    }

    @EventSourcingHandler
    void on(DecisionRecordedEvent event) {
        id = event.decisionId().toString();
        decisionId = event.decisionId();
        unitId = event.unitId();
        kind = event.kind();
        subjectCode = event.subject().code();
        decidedOn = event.decidedOn();
        publishBy = event.publishBy();
    }

    @EventSourcingHandler
    void on(DecisionPublishedEvent event) {
        published = true;
    }

    /** What 合规率 checks: the subject's code, the decision number, and the dates in order. */
    static List<ComplianceDefect> defects(RecordDecisionCommand command) {
        List<ComplianceDefect> defects = new ArrayList<>();
        if (!command.subject().codeValid()) {
            defects.add(ComplianceDefect.SUBJECT_CODE);
        }
        if (command.decisionNo() == null || !DECISION_NO.matcher(command.decisionNo().strip()).matches()) {
            defects.add(ComplianceDefect.DECISION_NO);
        }
        if (!datesInOrder(command)) {
            defects.add(ComplianceDefect.DATES);
        }
        return List.copyOf(defects);
    }

    private static boolean datesInOrder(RecordDecisionCommand command) {
        if (command.recordedOn() != null && command.decidedOn().isAfter(command.recordedOn())) {
            return false;
        }
        LocalDate from = command.validFrom() == null ? command.decidedOn() : command.validFrom();
        if (command.validFrom() != null && command.validFrom().isBefore(command.decidedOn())) {
            return false;
        }
        return command.validUntil() == null || !command.validUntil().isBefore(from);
    }

    /** The first instant after {@code day} in Asia/Shanghai. */
    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(BUSINESS_ZONE).toInstant();
    }
}
