package org.creditledger.quota.query;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.readmodel.ProjectionCatchUp;
import org.creditledger.unit.query.UnitProjection;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Quota progress (年度目标任务完成情况) as of a day: one unit (its UNIT_CLERK, INSPECTOR, ADMIN) or every unit with a
 * target for the year (INSPECTOR, ADMIN). {@code asOf} defaults to today in Asia/Shanghai; a later day is refused, as
 * every {@code asOf} of the ledger is: its figures would only be today's under a future date.
 */
@RestController
class QuotaController {

    private final QuotaQueries quotas;
    private final ProjectionCatchUp catchUp;
    private final Clock clock;

    QuotaController(QuotaQueries quotas, ProjectionCatchUp catchUp, Clock clock) {
        this.quotas = quotas;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    @Operation(operationId = "getUnitQuota", summary = "A unit's quota progress in a year")
    @GetMapping("/api/v1/units/{unitId}/quota/{year}")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK})
    QuotaView unitQuota(@PathVariable String unitId, @PathVariable @Min(2000) @Max(2100) int year,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                        Caller caller) {
        caller.requireMayReadUnit(unitId, "the quota");
        catchUp.await(UnitProjection.PROCESSING_GROUP, QuotaProjection.PROCESSING_GROUP);
        QuotaQueries.UnitTarget unit = quotas.unitTarget(unitId, year)
                .orElseThrow(() -> new QuotaNotFound("No unit with id " + unitId + "."));
        QuotaView.Target target = unit.target()
                .orElseThrow(() -> new QuotaNotFound("Unit " + unitId + " (" + unit.unitName() + ") has no target for " + year + "."));
        return quotas.progress(target, asOfOrToday(asOf));
    }

    @Operation(operationId = "getAllQuotas", summary = "Every unit's quota progress in a year")
    @GetMapping("/api/v1/quota/{year}")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR})
    List<QuotaView> allQuotas(@PathVariable @Min(2000) @Max(2100) int year,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        catchUp.await(UnitProjection.PROCESSING_GROUP, QuotaProjection.PROCESSING_GROUP);
        return quotas.progressOfAll(year, asOfOrToday(asOf));
    }

    private LocalDate asOfOrToday(LocalDate asOf) {
        LocalDate today = LocalDate.now(clock.withZone(QuotaProjection.BUSINESS_ZONE));
        if (asOf != null && asOf.isAfter(today)) {
            throw new InvalidInput(new FieldProblem("asOf", "must not be in the future (today is " + today + " in Asia/Shanghai)"));
        }
        return asOf != null ? asOf : today;
    }

    static class QuotaNotFound extends LedgerProblem {
        QuotaNotFound(String detail) {
            super(ProblemType.NOT_FOUND, detail);
        }
    }
}
