package org.creditledger.unit.command;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.api.UnitMessages.UnitRegisteredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.creditledger.platform.i18n.Text;

/**
 * Command-side lookup table of registered units ({@code known_unit}), written by a subscribing processor in the
 * transaction that stores {@link UnitRegisteredEvent}. Writes that name a unit check it here, never on the read side.
 * Units are never deleted, so positive answers are cached.
 */
@Component
@ProcessingGroup(KnownUnits.PROCESSING_GROUP)
public class KnownUnits {

    static final String PROCESSING_GROUP = "known-units";

    private final JdbcClient jdbc;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    KnownUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UnitRegisteredEvent event) {
        jdbc.sql("insert into known_unit (unit_id) values (?) on conflict do nothing").param(event.unitId().value()).update();
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

    /** A write names a unit that was never registered. */
    public static class UnknownUnit extends LedgerProblem {
        UnknownUnit(UnitId unitId, String field) {
            super(ProblemType.UNPROCESSABLE, Text.of("access.unit.not-registered", unitId),
                    List.of(FieldProblem.of(field, "unit.unknown", unitId)));
        }
    }
}
