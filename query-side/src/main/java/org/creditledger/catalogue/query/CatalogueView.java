package org.creditledger.catalogue.query;

import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.MeasureBinds;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.catalogue.api.MeasureScope;
import org.creditledger.catalogue.api.RepairWaitFrom;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The catalogue as the read side knows it; {@code validFrom} is the record time of the version shown. */
public final class CatalogueView {

    private CatalogueView() {
    }

    /**
     * {@code criteria} 认定标准, {@code exitConditions} 移出条件, {@code procedure} 程序, {@code remedy} 救济: the texts
     * the list publishes, null (not written) when not given; {@code maxExtensionMonths}: how far past {@code periodMonths} an
     * entry's decision may set its end. Repair rules: {@code repairWaitFrom} the date the minimum wait counts from,
     * {@code repairDecisionWorkingDays} the working days to decide an application, {@code repairCommitmentRequired}
     * whether an application must name a 信用修复 commitment letter.
     */
    public record ListDefinitionView(String listCode, int version, String name, ListColour colour, String authority,
                                     String legalBasis, int periodMonths, boolean earlyRepairAllowed,
                                     int minMonthsBeforeRepair, boolean revokedOnBlackListing,
                                     OffsetDateTime validFrom, String criteria, String exitConditions,
                                     String procedure, String remedy, int maxExtensionMonths,
                                     RepairWaitFrom repairWaitFrom, int repairDecisionWorkingDays,
                                     boolean repairCommitmentRequired) {
    }

    /** {@code retiredFrom}: the first day a retired measure no longer applies, with {@code retirementReason}. */
    public record MeasureView(String measureCode, int version, String name, MeasureKind kind, MeasureDomain domain,
                              MeasureScope scope, String legalBasis, List<String> listCodes, MeasureBinds binds,
                              OffsetDateTime validFrom,
                              LocalDate retiredFrom, String retirementReason) {
    }
}
