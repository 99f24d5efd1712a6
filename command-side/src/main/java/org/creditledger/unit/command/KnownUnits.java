package org.creditledger.unit.command;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.api.UnitMessages.UnitChangedEvent;
import org.creditledger.unit.api.UnitMessages.UnitRegisteredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.creditledger.platform.i18n.Text;

/**
 * Command-side lookup table of registered units ({@code known_unit}) and the tree they form ({@code parent_unit_id}),
 * written by a subscribing processor in the transaction that stores {@link UnitRegisteredEvent} or
 * {@link UnitChangedEvent}. Writes that name a unit check it here, never on the read side. Units are never deleted,
 * so positive answers are cached.
 *
 * <p>The tree rule is decided here, with errors propagated ({@link UnitCommandConfiguration}) so that a refused
 * parent fails the command and nothing is stored: a parent must be a registered unit ({@link UnknownUnit}, field
 * {@code parentUnitId}), and a unit may not end up among its own ancestors ({@link UnitTreeCycle}). Two concurrent
 * changes could each pass alone and together close a cycle (A under B, B under A), so every change that names a
 * parent takes one transaction-scoped advisory lock first: the later one then reads the earlier one's committed row.
 */
@Component
@ProcessingGroup(KnownUnits.PROCESSING_GROUP)
public class KnownUnits {

    static final String PROCESSING_GROUP = "known-units";

    /** The advisory lock every change that names a parent takes ("UTRE"), so tree checks run one at a time. */
    static final long TREE_LOCK_KEY = 0x55545245L;

    private final JdbcClient jdbc;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    KnownUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UnitRegisteredEvent event) {
        if (event.parentUnitId() != null) {
            lockTree();
            requireParent(event.unitId(), event.parentUnitId());
        }
        jdbc.sql("insert into known_unit (unit_id, parent_unit_id) values (?, ?) on conflict do nothing")
                .params(event.unitId().value(), parentValue(event.parentUnitId())).update();
    }

    @EventHandler
    void on(UnitChangedEvent event) {
        if (event.parentUnitId() != null) {
            lockTree();
            requireParent(event.unitId(), event.parentUnitId());
        }
        jdbc.sql("update known_unit set parent_unit_id = ? where unit_id = ?")
                .params(parentValue(event.parentUnitId()), event.unitId().value()).update();
    }

    public boolean exists(UnitId unitId) {
        if (seen.contains(unitId.value())) {
            return true;
        }
        boolean exists = jdbc.sql("select exists (select 1 from known_unit where unit_id = ?)").param(unitId.value())
                .query(Boolean.class).single();
        if (exists) {
            seen.add(unitId.value());
        }
        return exists;
    }

    /** @throws UnknownUnit (422, field {@code field}) when the unit was never registered */
    public void require(UnitId unitId, String field) {
        if (!exists(unitId)) {
            throw new UnknownUnit(unitId, field);
        }
    }

    /** The unit's parent as the lookup knows it; empty for a unit that belongs to none (or is unknown). */
    public Optional<UnitId> parentOf(UnitId unitId) {
        return jdbc.sql("select parent_unit_id from known_unit where unit_id = ?").param(unitId.value())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional()
                .flatMap(parent -> parent).map(UnitId::new);
    }

    /**
     * May {@code unit} hang under {@code parent}? Only if the parent is registered and {@code unit} is neither the
     * parent itself nor one of the parent's ancestors.
     *
     * @throws UnknownUnit   (422, field {@code parentUnitId}) when the parent was never registered
     * @throws UnitTreeCycle (422, field {@code parentUnitId}) when the unit would become its own ancestor
     */
    public void requireParent(UnitId unit, UnitId parent) {
        if (unit.equals(parent)) {
            throw new UnitTreeCycle(unit, parent, List.of(unit.value(), unit.value()));
        }
        if (!exists(parent)) {
            throw new UnknownUnit(parent, "parentUnitId");
        }
        // the parent and its ancestors, nearest first; UNION and the depth bound stop on a loop in a broken table
        List<String> ancestors = jdbc.sql("""
                        with recursive up (unit_id, parent_unit_id, depth) as (
                            select unit_id, parent_unit_id, 0 from known_unit where unit_id = :parent
                            union
                            select k.unit_id, k.parent_unit_id, up.depth + 1
                            from known_unit k join up on k.unit_id = up.parent_unit_id
                            where up.depth < 1000
                        )
                        select unit_id from up order by depth""")
                .param("parent", parent.value())
                .query(String.class).list();
        int at = ancestors.indexOf(unit.value());
        if (at >= 0) {
            List<String> path = new ArrayList<>();
            path.add(unit.value());
            path.addAll(ancestors.subList(0, at + 1));
            throw new UnitTreeCycle(unit, parent, path);
        }
    }

    private void lockTree() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(TREE_LOCK_KEY).query().singleRow();
    }

    private static String parentValue(UnitId parent) {
        return parent == null ? null : parent.value();
    }

    /** Hanging a unit under {@code parent} would make it its own ancestor; {@code path} goes from the unit up to itself. */
    public static class UnitTreeCycle extends LedgerProblem {
        UnitTreeCycle(UnitId unit, UnitId parent, List<String> path) {
            super(ProblemType.UNPROCESSABLE, Text.of("unit.tree.cycle", unit, parent, String.join(" → ", path)),
                    List.of(FieldProblem.of("parentUnitId", "unit.tree.cycle.field", unit, parent)));
        }
    }

    /** A write names a unit that was never registered. */
    public static class UnknownUnit extends LedgerProblem {
        UnknownUnit(UnitId unitId, String field) {
            super(ProblemType.UNPROCESSABLE, Text.of("access.unit.not-registered", unitId),
                    List.of(FieldProblem.of(field, "unit.unknown", unitId)));
        }
    }
}
