package org.creditledger.unit.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.api.UnitKind;
import org.creditledger.unit.api.UnitMessages.QuotaTargetSetEvent;
import org.creditledger.unit.api.UnitMessages.SaveUnitCommand;
import org.creditledger.unit.api.UnitMessages.SetQuotaTargetCommand;
import org.creditledger.unit.api.UnitMessages.UnitChangedEvent;
import org.creditledger.unit.api.UnitMessages.UnitRegisteredEvent;
import org.creditledger.unit.api.QuotaCounting;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A unit (考核单位) and its yearly targets. Saving an unchanged unit or target records nothing. */
@Aggregate
class Unit {

    /** The raw id string, as in {@code Commitment}: it round-trips through any serialised scope. */
    @AggregateIdentifier
    private String id;
    private UnitId unitId;
    private String name;
    private UnitKind kind;
    private final Map<Integer, Target> targets = new HashMap<>();

    private record Target(int annualTarget, QuotaCounting counting, boolean quarterlyRule) {
    }

    Unit() {
        // for Axon
    }

    /** @return true when this command registered the unit, false when it changed or kept an existing one */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(SaveUnitCommand command) {
        if (unitId == null) {
            apply(new UnitRegisteredEvent(command.unitId(), command.name(), command.kind()));
            return true;
        }
        if (!Objects.equals(name, command.name()) || kind != command.kind()) {
            apply(new UnitChangedEvent(command.unitId(), command.name(), command.kind()));
        }
        return false;
    }

    @CommandHandler
    void handle(SetQuotaTargetCommand command) {
        Target wanted = new Target(command.annualTarget(), command.counting(), command.quarterlyRule());
        if (!wanted.equals(targets.get(command.year()))) {
            apply(new QuotaTargetSetEvent(unitId, command.year(), command.annualTarget(), command.counting(), command.quarterlyRule()));
        }
    }

    @EventSourcingHandler
    void on(UnitRegisteredEvent event) {
        id = event.unitId().value();
        unitId = event.unitId();
        name = event.name();
        kind = event.kind();
    }

    @EventSourcingHandler
    void on(UnitChangedEvent event) {
        name = event.name();
        kind = event.kind();
    }

    @EventSourcingHandler
    void on(QuotaTargetSetEvent event) {
        targets.put(event.year(), new Target(event.annualTarget(), event.counting(), event.quarterlyRule()));
    }
}
