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


import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A list definition (名单) of the catalogue: name, colour, maintaining authority (认定部门), legal basis, default
 * period of an entry, and whether early repair is allowed and after how many months. Each change is a new version;
 * saving it unchanged records nothing.
 */
@Aggregate
class ListDefinition {

    static final int MAX_MONTHS = 120;

    @AggregateIdentifier
    private String id;
    private int version;
    private Definition current;

    /** The fields a save compares; the version is not part of it. */
    private record Definition(String name, ListColour colour, String authority, String legalBasis, int periodMonths,
                              boolean earlyRepairAllowed, int minMonthsBeforeRepair, boolean revokedOnBlackListing) {
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
                command.periodMonths(), command.earlyRepairAllowed(), minMonths, command.revokedOnBlackListing());
        if (current == null) {
            apply(new ListDefinedEvent(command.listCode(), 1, wanted.name(), wanted.colour(), wanted.authority(),
                    wanted.legalBasis(), wanted.periodMonths(), wanted.earlyRepairAllowed(), minMonths,
                    wanted.revokedOnBlackListing()));
            return new Saved(true, 1);
        }
        if (!wanted.equals(current)) {
            apply(new ListDefinitionChangedEvent(command.listCode(), version + 1, wanted.name(), wanted.colour(),
                    wanted.authority(), wanted.legalBasis(), wanted.periodMonths(), wanted.earlyRepairAllowed(), minMonths,
                    wanted.revokedOnBlackListing()));
        }
        return new Saved(false, version);
    }

    private static void check(SaveListDefinitionCommand command) {
        new InvalidCatalogueEntry.Rules()
                .require(!isBlank(command.name()), "name", "a list needs a name")
                .require(command.colour() != null, "colour", "RED or BLACK")
                .require(!isBlank(command.authority()), "authority", "a list needs its maintaining authority (认定部门)")
                .require(!isBlank(command.legalBasis()), "legalBasis", "a list needs the legal basis that establishes it")
                .require(command.periodMonths() >= 1 && command.periodMonths() <= MAX_MONTHS,
                        "periodMonths", "between 1 and " + MAX_MONTHS + " months")
                .require(command.minMonthsBeforeRepair() >= 0 && command.minMonthsBeforeRepair() <= MAX_MONTHS,
                        "minMonthsBeforeRepair", "between 0 and " + MAX_MONTHS + " months")
                .require(!command.revokedOnBlackListing() || command.colour() != ListColour.BLACK,
                        "revokedOnBlackListing", "only a red list is revoked when its subject enters a black list")
                .enforce();
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    @EventSourcingHandler
    void on(ListDefinedEvent event) {
        id = event.listCode().value();
        version = event.version();
        current = new Definition(event.name(), event.colour(), event.authority(), event.legalBasis(),
                event.periodMonths(), event.earlyRepairAllowed(), event.minMonthsBeforeRepair(),
                event.revokedOnBlackListing());
    }

    @EventSourcingHandler
    void on(ListDefinitionChangedEvent event) {
        version = event.version();
        current = new Definition(event.name(), event.colour(), event.authority(), event.legalBasis(),
                event.periodMonths(), event.earlyRepairAllowed(), event.minMonthsBeforeRepair(),
                event.revokedOnBlackListing());
    }
}
