package org.creditledger.catalogue.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinitionChangedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.SaveListDefinitionCommand;
import org.creditledger.catalogue.api.CatalogueMessages.Saved;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.RepairWaitFrom;


import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A list definition (名单) of the catalogue: name, colour, maintaining authority (认定部门), legal basis, default
 * period of an entry, and whether early repair is allowed and after how many months, counted from which date, how
 * many working days the authority has to decide an application and whether it must name a commitment letter. Each
 * change is a new version; saving it unchanged records nothing.
 */
@Aggregate
class ListDefinition {

    static final int MAX_MONTHS = 120;
    /** The longest extension past the period a list may allow: five years. */
    static final int MAX_EXTENSION_MONTHS = 60;
    /** The longest published text (认定标准, 移出条件, 程序, 救济). */
    static final int MAX_TEXT = 4000;
    /** The longest time a list may give its authority to decide a repair application: 60 working days. */
    static final int MAX_REPAIR_DECISION_WORKING_DAYS = 60;

    @AggregateIdentifier
    private String id;
    private int version;
    private Definition current;

    /** The fields a save compares; the version is not part of it. */
    private record Definition(String name, ListColour colour, String authority, String legalBasis, int periodMonths,
                              boolean earlyRepairAllowed, int minMonthsBeforeRepair, boolean revokedOnBlackListing,
                              String criteria, String exitConditions, String procedure, String remedy,
                              int maxExtensionMonths, RepairWaitFrom repairWaitFrom, int repairDecisionWorkingDays,
                              boolean repairCommitmentRequired) {
    }

    ListDefinition() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Saved handle(SaveListDefinitionCommand command) {
        check(command);
        // Without early repair the minimum has no meaning; keep it 0 so it cannot make an unchanged save look new.
        int minMonths = command.earlyRepairAllowed() ? command.minMonthsBeforeRepair() : 0;
        Definition wanted = new Definition(command.name(), command.colour(), command.authority(), command.legalBasis(),
                command.periodMonths(), command.earlyRepairAllowed(), minMonths, command.revokedOnBlackListing(),
                text(command.criteria()), text(command.exitConditions()), text(command.procedure()),
                text(command.remedy()), command.maxExtensionMonths(), command.repairWaitFrom(),
                command.repairDecisionWorkingDays(), command.repairCommitmentRequired());
        if (current == null) {
            apply(new ListDefinedEvent(command.listCode(), 1, wanted.name(), wanted.colour(), wanted.authority(),
                    wanted.legalBasis(), wanted.periodMonths(), wanted.earlyRepairAllowed(), minMonths,
                    wanted.revokedOnBlackListing(), wanted.criteria(), wanted.exitConditions(), wanted.procedure(),
                    wanted.remedy(), wanted.maxExtensionMonths(), wanted.repairWaitFrom(),
                    wanted.repairDecisionWorkingDays(), wanted.repairCommitmentRequired()));
            return new Saved(true, 1);
        }
        if (!wanted.equals(current)) {
            apply(new ListDefinitionChangedEvent(command.listCode(), version + 1, wanted.name(), wanted.colour(),
                    wanted.authority(), wanted.legalBasis(), wanted.periodMonths(), wanted.earlyRepairAllowed(), minMonths,
                    wanted.revokedOnBlackListing(), wanted.criteria(), wanted.exitConditions(), wanted.procedure(),
                    wanted.remedy(), wanted.maxExtensionMonths(), wanted.repairWaitFrom(),
                    wanted.repairDecisionWorkingDays(), wanted.repairCommitmentRequired()));
        }
        return new Saved(false, version);
    }

    private static void check(SaveListDefinitionCommand command) {
        new InvalidCatalogueEntry.Rules()
                .require(!isBlank(command.name()), "name", "catalogue.list.name")
                .require(command.colour() != null, "colour", "catalogue.list.colour")
                .require(!isBlank(command.authority()), "authority", "catalogue.list.authority")
                .require(!isBlank(command.legalBasis()), "legalBasis", "catalogue.list.legal-basis")
                .require(command.periodMonths() >= 1 && command.periodMonths() <= MAX_MONTHS,
                        "periodMonths", "catalogue.list.months-between", 1, MAX_MONTHS)
                .require(command.minMonthsBeforeRepair() >= 0 && command.minMonthsBeforeRepair() <= MAX_MONTHS,
                        "minMonthsBeforeRepair", "catalogue.list.months-between", 0, MAX_MONTHS)
                .require(!command.revokedOnBlackListing() || command.colour() != ListColour.BLACK,
                        "revokedOnBlackListing", "catalogue.list.revoked-red-only")
                .require(command.maxExtensionMonths() >= 0 && command.maxExtensionMonths() <= MAX_EXTENSION_MONTHS,
                        "maxExtensionMonths", "catalogue.list.months-between", 0, MAX_EXTENSION_MONTHS)
                .require(fits(command.criteria()), "criteria", "catalogue.list.text-too-long", MAX_TEXT)
                .require(fits(command.exitConditions()), "exitConditions", "catalogue.list.text-too-long", MAX_TEXT)
                .require(fits(command.procedure()), "procedure", "catalogue.list.text-too-long", MAX_TEXT)
                .require(fits(command.remedy()), "remedy", "catalogue.list.text-too-long", MAX_TEXT)
                .require(command.repairDecisionWorkingDays() >= 1
                                && command.repairDecisionWorkingDays() <= MAX_REPAIR_DECISION_WORKING_DAYS,
                        "repairDecisionWorkingDays", "catalogue.list.working-days-between", 1,
                        MAX_REPAIR_DECISION_WORKING_DAYS)
                .enforce();
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static boolean fits(String text) {
        return text == null || text.length() <= MAX_TEXT;
    }

    /** A blank text is no text, so a save with "" and one without compare equal. */
    private static String text(String text) {
        return isBlank(text) ? null : text.strip();
    }

    @EventSourcingHandler
    void on(ListDefinedEvent event) {
        id = event.listCode().value();
        version = event.version();
        current = new Definition(event.name(), event.colour(), event.authority(), event.legalBasis(),
                event.periodMonths(), event.earlyRepairAllowed(), event.minMonthsBeforeRepair(),
                event.revokedOnBlackListing(), event.criteria(), event.exitConditions(), event.procedure(),
                event.remedy(), event.extensionMonths(), event.repairWaitFrom(), event.repairDecisionWorkingDays(),
                event.repairCommitmentRequired());
    }

    @EventSourcingHandler
    void on(ListDefinitionChangedEvent event) {
        version = event.version();
        current = new Definition(event.name(), event.colour(), event.authority(), event.legalBasis(),
                event.periodMonths(), event.earlyRepairAllowed(), event.minMonthsBeforeRepair(),
                event.revokedOnBlackListing(), event.criteria(), event.exitConditions(), event.procedure(),
                event.remedy(), event.extensionMonths(), event.repairWaitFrom(), event.repairDecisionWorkingDays(),
                event.repairCommitmentRequired());
    }
}
