package org.creditledger.publicdecision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.creditledger.unit.api.UnitId;

import java.time.LocalDate;
import java.util.List;

/**
 * Commands and events of 双公示: a unit records an administrative licensing (行政许可) or penalty (行政处罚) decision,
 * then reports when and where it published it; a decision still unpublished after its limit is flagged.
 */
public final class PublicDecisionMessages {

    private PublicDecisionMessages() {
    }

    /**
     * A unit records a decision it made on {@code decidedOn}. {@code validFrom}/{@code validUntil} (有效期) are optional.
     * {@code recordedOn} is the business day (Asia/Shanghai) the ledger receives it, against which a decision dated
     * in the future counts as non-compliant.
     */
    public record RecordDecisionCommand(@TargetAggregateIdentifier DecisionId decisionId, UnitId unitId, DecisionKind kind,
                                        String decisionNo, DecisionSubject subject, LocalDate decidedOn, String content,
                                        LocalDate validFrom, LocalDate validUntil, LocalDate recordedOn) {
    }

    /**
     * A decision was recorded. {@code publishBy} is the last day on which publishing it counts as on time, from the
     * {@code limit} in force when it was recorded (a later change of the setting does not move it);
     * {@code defects} lists the required fields that are not valid, empty when the decision is compliant (合规).
     */
    @Revision("1")
    public record DecisionRecordedEvent(DecisionId decisionId, UnitId unitId, DecisionKind kind, String decisionNo,
                                        DecisionSubject subject, LocalDate decidedOn, String content, LocalDate validFrom,
                                        LocalDate validUntil, PublicationLimit limit, LocalDate publishBy,
                                        List<ComplianceDefect> defects) {
    }

    /**
     * The unit reports that it published the decision on {@code publishedOn} through {@code channel}.
     * {@code publishedBy} is the unit of the clerk reporting it, which must be the decision's unit; null for an
     * administrator.
     */
    public record PublishDecisionCommand(@TargetAggregateIdentifier DecisionId decisionId, LocalDate publishedOn,
                                         PublicationChannel channel, UnitId publishedBy) {
    }

    /** 已公示: {@code onTime} when {@code publishedOn} is not after {@code publishBy}. */
    @Revision("1")
    public record DecisionPublishedEvent(DecisionId decisionId, UnitId unitId, DecisionKind kind, String subjectCode,
                                         LocalDate decidedOn, LocalDate publishedOn, PublicationChannel channel,
                                         LocalDate publishBy, boolean onTime) {
    }

    /** The limit ended (the end of {@code publishBy}, Asia/Shanghai) with the decision unpublished. It may still be published, late. */
    @Revision("1")
    public record DecisionPublicationOverdueEvent(DecisionId decisionId, UnitId unitId, DecisionKind kind,
                                                  String subjectCode, LocalDate publishBy) {
    }
}
