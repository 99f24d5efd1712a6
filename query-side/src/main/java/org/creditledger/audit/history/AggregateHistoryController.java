package org.creditledger.audit.history;

import io.swagger.v3.oas.annotations.Operation;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * An aggregate's raw history (INSPECTOR, ADMIN): its events exactly as the event store holds them, for an inspector who
 * wants the record itself rather than a read model's account of it. Any aggregate: a commitment, a list entry, a unit,
 * a list definition or measure (by code), a joint-action case; a counter check by its receipt id.
 */
@RestController
class AggregateHistoryController {

    private static final int MAX_IDENTIFIER_LENGTH = 255;

    private final AggregateHistory history;

    AggregateHistoryController(AggregateHistory history) {
        this.history = history;
    }

    @Operation(operationId = "getAggregateEvents", summary = "Raw event history of an aggregate")
    @GetMapping("/api/v1/aggregates/{aggregateId}/events")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR})
    List<StoredEvent> aggregateEvents(@PathVariable String aggregateId) {
        if (aggregateId.length() > MAX_IDENTIFIER_LENGTH) {
            throw new InvalidInput(new FieldProblem("aggregateId", "must be at most " + MAX_IDENTIFIER_LENGTH + " characters"));
        }
        List<StoredEvent> events = history.events(aggregateId);
        if (events.isEmpty()) {
            throw new UnknownAggregate(aggregateId);
        }
        return events;
    }

    static class UnknownAggregate extends LedgerProblem {
        UnknownAggregate(String aggregateId) {
            super(ProblemType.NOT_FOUND, "No events stored for aggregate " + aggregateId + ".");
        }
    }
}
