package org.creditledger.unit.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.axon.LedgerCommands;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.unit.api.QuotaCounting;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.api.UnitKind;
import org.creditledger.unit.api.UnitMessages.SaveUnitCommand;
import org.creditledger.unit.api.UnitMessages.SetQuotaTargetCommand;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Units and their yearly targets (ADMIN). */
@RestController
@Validated
class UnitController {

    private final LedgerCommands commands;

    UnitController(LedgerCommands commands) {
        this.commands = commands;
    }

    record UnitRequest(@NotBlank @Size(max = 200) String name, @NotNull UnitKind kind) {
    }

    record UnitResponse(String unitId, String name, UnitKind kind) {
    }

    record TargetRequest(@NotNull @Min(1) @Max(10_000_000) Integer annualTarget, @NotNull QuotaCounting counting,
                         @NotNull Boolean quarterlyRule) {
    }

    record TargetResponse(String unitId, int year, int annualTarget, QuotaCounting counting, boolean quarterlyRule) {
    }

    /** Creates (201) or updates (200) a unit. */
    @Operation(operationId = "saveUnit", summary = "Register or update a unit")
    @PutMapping("/api/v1/units/{unitId}")
    @ApiResponse(responseCode = "201", description = "Registered a new unit")
    @ApiResponse(responseCode = "200", description = "Updated (or confirmed) an existing unit")
    @AllowedRoles(Role.ADMIN)
    ResponseEntity<UnitResponse> save(@PathVariable String unitId, @Valid @RequestBody UnitRequest request, LedgerMetadata metadata) {
        UnitId id = unitId(unitId);
        boolean created = commands.send(new SaveUnitCommand(id, request.name().trim(), request.kind()), metadata);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new UnitResponse(id.value(), request.name().trim(), request.kind()));
    }

    @Operation(operationId = "setTarget", summary = "Set a unit's yearly target")
    @PutMapping("/api/v1/units/{unitId}/targets/{year}")
    @AllowedRoles(Role.ADMIN)
    TargetResponse setTarget(@PathVariable String unitId, @PathVariable @Min(2000) @Max(2100) int year,
                             @Valid @RequestBody TargetRequest request, LedgerMetadata metadata) {
        UnitId id = unitId(unitId);
        commands.send(new SetQuotaTargetCommand(id, year, request.annualTarget(), request.counting(), request.quarterlyRule()), metadata);
        return new TargetResponse(id.value(), year, request.annualTarget(), request.counting(), request.quarterlyRule());
    }

    private static UnitId unitId(String raw) {
        if (!UnitId.isValid(raw)) {
            throw new InvalidInput(new FieldProblem("unitId", "a unit id has 1 to 64 letters, digits, '.', '_' or '-'"));
        }
        return new UnitId(raw);
    }
}
