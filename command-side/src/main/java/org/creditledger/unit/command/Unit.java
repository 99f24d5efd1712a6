package org.creditledger.unit.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.creditledger.unit.api.ExistingEnterpriseRatio;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.api.UnitKind;
import org.creditledger.unit.api.UnitMessages.QuotaTargetSetEvent;
import org.creditledger.unit.api.UnitMessages.SaveUnitCommand;
import org.creditledger.unit.api.UnitMessages.SetQuotaTargetCommand;
import org.creditledger.unit.api.UnitMessages.UnitChangedEvent;
import org.creditledger.unit.api.UnitMessages.UnitRegisteredEvent;
import org.creditledger.unit.api.QuotaCounting;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A unit (考核单位) and its yearly targets; a unit may belong to another (a county's department to the county).
 * Saving an unchanged unit or target records nothing.
 */
@Aggregate
class Unit {

    /** The raw id string, as in {@code Commitment}: it round-trips through any serialised scope. */
    @AggregateIdentifier
    private String id;
    private UnitId unitId;
    private String name;
    private UnitKind kind;
    private UnitId parentUnitId;
    private final Map<Integer, Target> targets = new HashMap<>();

    private record Target(int annualTarget, QuotaCounting counting, boolean quarterlyRule, boolean includeSubUnits,
                          BigDecimal ratioOfExisting, Integer existingEnterprises) {
    }

    Unit() {
        // for Axon
    }

    /**
     * Whether the parent exists and whether hanging the unit under it would close a cycle is a rule over all units:
     * the command-side lookup {@link KnownUnits} decides it in the transaction that stores this event.
     *
     * @return true when this command registered the unit, false when it changed or kept an existing one
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(SaveUnitCommand command) {
        if (unitId == null) {
            apply(new UnitRegisteredEvent(command.unitId(), command.name(), command.kind(), command.parentUnitId()));
            return true;
        }
        if (!Objects.equals(name, command.name()) || kind != command.kind() || !Objects.equals(parentUnitId, command.parentUnitId())) {
            apply(new UnitChangedEvent(command.unitId(), command.name(), command.kind(), command.parentUnitId()));
        }
        return false;
    }

    @CommandHandler
    void handle(SetQuotaTargetCommand command) {
        ExistingEnterpriseRatio ratio = command.ratio();
        if (ratio != null && ratio.annualTarget() != command.annualTarget()) {
            // only a programming error gets here: the command's own constructor works the target out from the ratio
            throw new IllegalArgumentException("annual target " + command.annualTarget() + " is not ⌈ratio × N⌉ = " + ratio.annualTarget());
        }
        BigDecimal ratioOfExisting = ratio == null ? null : ratio.ratio();
        Integer existingEnterprises = ratio == null ? null : ratio.existingEnterprises();
        Target wanted = new Target(command.annualTarget(), command.counting(), command.quarterlyRule(), command.includeSubUnits(),
                ratioOfExisting, existingEnterprises);
        if (!wanted.equals(targets.get(command.year()))) {
            // false is written as null, as events written before the field existed say it: one way to say "own letters only"
            apply(new QuotaTargetSetEvent(unitId, command.year(), command.annualTarget(), command.counting(), command.quarterlyRule(),
                    command.includeSubUnits() ? Boolean.TRUE : null, ratioOfExisting, existingEnterprises));
        }
    }

    @EventSourcingHandler
    void on(UnitRegisteredEvent event) {
        id = event.unitId().value();
        unitId = event.unitId();
        name = event.name();
        kind = event.kind();
        parentUnitId = event.parentUnitId();
    }

    @EventSourcingHandler
    void on(UnitChangedEvent event) {
        name = event.name();
        kind = event.kind();
        parentUnitId = event.parentUnitId();
    }

    @EventSourcingHandler
    void on(QuotaTargetSetEvent event) {
        targets.put(event.year(), new Target(event.annualTarget(), event.counting(), event.quarterlyRule(), event.countsSubUnits(),
                event.ratioOfExisting(), event.existingEnterprises()));
    }
}
