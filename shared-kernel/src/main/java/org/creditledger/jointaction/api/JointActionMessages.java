package org.creditledger.jointaction.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.creditledger.catalogue.api.MeasureCode;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.listing.api.EntryId;
import org.creditledger.unit.api.UnitId;

import java.time.LocalDate;

/**
 * Commands and events of joint reward and punishment cases (联合奖惩案例): a unit applied a catalogue measure (or
 * granted an incentive) to a listed subject, and reports what came of it.
 *
 * <p>The aggregate does no I/O, so the command carries the facts the caller looked up in the command-side lookup
 * tables: the entry's list and subject, and the measure's kind, domain and the version in force when the case was
 * recorded. The event keeps them, so counts by unit, measure and domain need no join and a later change of the
 * measure does not rewrite what a past case was.
 */
public final class JointActionMessages {

    private JointActionMessages() {
    }

    /** A unit records a case: measure {@code measureCode} was applied to entry {@code entryId} on {@code takenOn}. */
    public record RecordJointActionCommand(@TargetAggregateIdentifier JointActionId jointActionId, EntryId entryId,
                                           String listCode, String subjectCode, MeasureCode measureCode,
                                           MeasureKind measureKind, MeasureDomain measureDomain, int measureVersion,
                                           UnitId unitId, String matter, LocalDate takenOn, String result) {
    }

    /** A case was recorded. Cases are immutable; a correction will be an event of its own. */
    @Revision("1")
    public record JointActionRecordedEvent(JointActionId jointActionId, EntryId entryId, String listCode,
                                           String subjectCode, MeasureCode measureCode, MeasureKind measureKind,
                                           MeasureDomain measureDomain, int measureVersion, UnitId unitId,
                                           String matter, LocalDate takenOn, String result) {
    }
}
