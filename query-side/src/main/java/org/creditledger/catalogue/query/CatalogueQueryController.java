package org.creditledger.catalogue.query;

import io.swagger.v3.oas.annotations.Operation;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.query.CatalogueView.ListDefinitionView;
import org.creditledger.catalogue.query.CatalogueView.MeasureView;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Role;
import org.creditledger.readmodel.ProjectionCatchUp;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The current catalogue of lists and measures: public rules, readable by every role. */
@RestController
class CatalogueQueryController {

    private final CatalogueQueries catalogue;
    private final ProjectionCatchUp catchUp;

    CatalogueQueryController(CatalogueQueries catalogue, ProjectionCatchUp catchUp) {
        this.catalogue = catalogue;
        this.catchUp = catchUp;
    }

    @Operation(operationId = "listLists", summary = "List the catalogue's lists")
    @GetMapping("/api/v1/lists")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK, Role.LIST_AUTHORITY, Role.COUNTER})
    List<ListDefinitionView> lists() {
        catchUp.await(CatalogueProjection.PROCESSING_GROUP);
        return catalogue.lists();
    }

    /** {@code listCode}: only measures that apply to this list; {@code domain}: only measures of this domain. */
    @Operation(operationId = "listMeasures", summary = "List the catalogue's measures")
    @GetMapping("/api/v1/measures")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK, Role.LIST_AUTHORITY, Role.COUNTER})
    List<MeasureView> measures(@RequestParam(required = false) String listCode,
                               @RequestParam(required = false) MeasureDomain domain) {
        catchUp.await(CatalogueProjection.PROCESSING_GROUP);
        return catalogue.measures(listCode, domain);
    }
}
