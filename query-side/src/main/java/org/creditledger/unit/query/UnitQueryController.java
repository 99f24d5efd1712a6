package org.creditledger.unit.query;

import io.swagger.v3.oas.annotations.Operation;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Role;
import org.creditledger.readmodel.ProjectionCatchUp;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Lists the units and their targets: non-personal reference data, readable by every role. */
@RestController
class UnitQueryController {

    private final UnitQueries units;
    private final ProjectionCatchUp catchUp;

    UnitQueryController(UnitQueries units, ProjectionCatchUp catchUp) {
        this.units = units;
        this.catchUp = catchUp;
    }

    @Operation(operationId = "listUnits", summary = "List units")
    @GetMapping("/api/v1/units")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK, Role.LIST_AUTHORITY, Role.COUNTER})
    List<UnitView> list() {
        catchUp.await(UnitProjection.PROCESSING_GROUP);
        return units.all();
    }
}
