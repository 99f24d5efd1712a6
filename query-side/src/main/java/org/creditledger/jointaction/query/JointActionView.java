package org.creditledger.jointaction.query;

import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One case as recorded, with the measure's kind, domain and version as they were when it was recorded. */
public record JointActionView(UUID jointActionId, UUID entryId, String listCode, String subjectCode, String measureCode,
                              MeasureKind measureKind, MeasureDomain measureDomain, int measureVersion, String unitId,
                              String matter, LocalDate takenOn, String result, Instant recordedAt) {

    /** Cases counted by the year they were taken in; {@code unitId} set when the counts are of one unit. */
    public record JointActionStats(int year, String unitId, List<JointActionUnitCounts> byUnit,
                                   List<JointActionMeasureCount> byMeasure,
                                   List<JointActionDomainCounts> byDomain, long total) {
    }

    public record JointActionUnitCounts(String unitId, long punishments, long incentives) {
    }

    public record JointActionMeasureCount(String measureCode, MeasureKind kind, MeasureDomain domain, long count) {
    }

    public record JointActionDomainCounts(MeasureDomain domain, long punishments, long incentives) {
    }
}
