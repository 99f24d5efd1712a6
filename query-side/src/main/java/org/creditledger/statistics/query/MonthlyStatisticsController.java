package org.creditledger.statistics.query;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.readmodel.ProjectionCatchUp;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The month's figures (每月信用动态, 月通报): every unit's and the city's (ADMIN, INSPECTOR), or one unit's with the
 * city's ({@code unitId}; a UNIT_CLERK must name its own unit). As JSON, or as a sheet with one row per unit.
 */
@RestController
class MonthlyStatisticsController {

    private final MonthlyStatisticsQueries statistics;
    private final ProjectionCatchUp catchUp;

    MonthlyStatisticsController(MonthlyStatisticsQueries statistics, ProjectionCatchUp catchUp) {
        this.statistics = statistics;
        this.catchUp = catchUp;
    }

    @Operation(operationId = "getMonthlyStatistics", summary = "A month's figures per unit and city-wide")
    @GetMapping("/api/v1/statistics/monthly")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK})
    MonthlyStatistics monthly(@RequestParam @Min(2000) @Max(2100) int year, @RequestParam @Min(1) @Max(12) int month,
                              @RequestParam(required = false) String unitId, Caller caller) {
        String unit = caller.unitToList(unitId, Text.of("query.records.statistics"));
        catchUp.await(MonthlyStatisticsProjection.PROCESSING_GROUP);
        if (unit != null && !statistics.knows(unit)) {
            throw new UnitNotFound(Text.of("query.unit.unknown", unit));
        }
        return statistics.month(year, month, unit);
    }

    static class UnitNotFound extends LedgerProblem {
        UnitNotFound(Text detail) {
            super(ProblemType.NOT_FOUND, detail);
        }
    }
}
