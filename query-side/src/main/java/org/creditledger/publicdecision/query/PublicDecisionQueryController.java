package org.creditledger.publicdecision.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.platform.web.Page;
import org.creditledger.readmodel.ProjectionCatchUp;
import org.creditledger.unit.api.UnitId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 双公示 reads: a unit's figures (上报率, 及时率, 合规率) for a month or a year, and the feed of published decisions an
 * adapter pushes to outside sites — the ledger itself pushes nothing.
 */
@RestController
class PublicDecisionQueryController {

    private final PublicDecisionQueries decisions;
    private final ProjectionCatchUp catchUp;

    PublicDecisionQueryController(PublicDecisionQueries decisions, ProjectionCatchUp catchUp) {
        this.decisions = decisions;
        this.catchUp = catchUp;
    }

    /**
     * The unit's decisions made in the month (by decision date) or, without {@code month}, in the year: how many,
     * published, on time, late, unpublished, and the rates. ADMIN and INSPECTOR read every unit's, a UNIT_CLERK its own.
     */
    @Operation(operationId = "getPublicDecisionStats", summary = "A unit's 双公示 figures: published, on time, compliant")
    @GetMapping("/api/v1/units/{unitId}/public-decisions/stats")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK})
    PublicDecisionStats stats(@PathVariable String unitId, @RequestParam @Min(2000) @Max(2100) int year,
                              @RequestParam(required = false) @Min(1) @Max(12) Integer month, Caller caller) {
        if (!UnitId.isValid(unitId)) {
            throw new InvalidInput(FieldProblem.of("unitId", "unit.id.format"));
        }
        caller.requireMayReadUnit(unitId, Text.of("query.records.public-decisions"));
        catchUp.await(PublicDecisionProjection.PROCESSING_GROUP);
        return decisions.stats(unitId, year, month);
    }

    /**
     * Published decisions after {@code since} (a position this feed gave; -1 or absent: from the first), oldest first,
     * at most {@code size}. A decision appears once, when its publication is reported; an adapter keeps {@code next}
     * and de-duplicates by {@code decisionId}. The ledger pushes nothing to outside sites itself.
     */
    @Operation(operationId = "getPublicDecisionFeed", summary = "Published decisions in the national 双公示 layout, after a position",
            description = "The ledger pushes nothing to outside sites (信用中国 …): an adapter reads this feed and pushes "
                    + "what it reads. Fields carry English names; each one's description gives the Chinese name of the "
                    + "national 双公示 data standard.")
    @GetMapping("/api/v1/public-decisions/feed")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR})
    DecisionFeed feed(@Parameter(description = "the last position read (next of the previous answer); -1 for the start")
                      @RequestParam(defaultValue = "-1") @Min(-1) long since,
                      @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        catchUp.await(PublicDecisionProjection.PROCESSING_GROUP);
        return decisions.feed(since, size);
    }
}
