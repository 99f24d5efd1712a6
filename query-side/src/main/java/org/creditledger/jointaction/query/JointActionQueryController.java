package org.creditledger.jointaction.query;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.creditledger.platform.access.AccessDenied;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.Page;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.readmodel.ProjectionCatchUp;
import org.creditledger.unit.api.UnitId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;
import org.creditledger.platform.i18n.Text;

/**
 * Joint reward and punishment cases as recorded, and the yearly counts units report (by unit, measure and domain,
 * counted by the year the measure was taken). ADMIN and INSPECTOR see every unit; a UNIT_CLERK its own unit only.
 */
@RestController
class JointActionQueryController {

    private final JointActionQueries cases;
    private final ProjectionCatchUp catchUp;

    JointActionQueryController(JointActionQueries cases, ProjectionCatchUp catchUp) {
        this.cases = cases;
        this.catchUp = catchUp;
    }

    @Operation(operationId = "getJointAction", summary = "Read a joint action case")
    @GetMapping("/api/v1/joint-actions/{jointActionId}")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK})
    JointActionView jointAction(@PathVariable UUID jointActionId, Caller caller) {
        catchUp.await(JointActionProjection.PROCESSING_GROUP);
        JointActionView view = cases.find(jointActionId).orElseThrow(() -> new UnknownJointAction(jointActionId));
        caller.requireMayReadUnit(view.unitId(), Text.of("query.records.cases"));
        return view;
    }

    /**
     * The cases of a unit (every unit when {@code unitId} is absent; a UNIT_CLERK's own unit), of one year when
     * {@code year} is given, the latest taken first. Pages count from 0; {@code size} is at most {@value Page#MAX_SIZE}.
     */
    @Operation(operationId = "listJointActions", summary = "List a unit's joint action cases")
    @GetMapping("/api/v1/joint-actions")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK})
    Page<JointActionView> jointActions(@RequestParam(required = false) String unitId,
                                       @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                       @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size,
                                       Caller caller) {
        String unit = caller.unitToList(unitId, Text.of("query.records.cases"));
        catchUp.await(JointActionProjection.PROCESSING_GROUP);
        return cases.list(unit, year, page, size);
    }

    /** {@code unitId}: only that unit's cases; a UNIT_CLERK must name its own unit. */
    @Operation(operationId = "getJointActionStats", summary = "Joint action case counts")
    @GetMapping("/api/v1/joint-actions/stats")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK})
    JointActionView.JointActionStats jointActionStats(@RequestParam @Min(2000) @Max(2100) int year,
                                @RequestParam(required = false) String unitId, Caller caller) {
        if (unitId != null && !UnitId.isValid(unitId)) {
            throw new InvalidInput(FieldProblem.of("unitId", "problem.field.unit-id"));
        }
        if (caller.is(Role.UNIT_CLERK) && !caller.mayActForUnit(unitId)) {
            throw new AccessDenied(Text.of("query.cases.own-unit", caller.unitId()));
        }
        catchUp.await(JointActionProjection.PROCESSING_GROUP);
        return cases.stats(year, unitId);
    }

    static class UnknownJointAction extends LedgerProblem {
        UnknownJointAction(UUID jointActionId) {
            super(ProblemType.NOT_FOUND, Text.of("query.case.unknown", jointActionId));
        }
    }
}
