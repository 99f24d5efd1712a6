package org.creditledger.unit.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.axon.LedgerCommands;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.text.api.InvalidValue;
import org.creditledger.unit.api.ExistingEnterpriseRatio;
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

import java.math.BigDecimal;
import java.util.List;

/** Units and their yearly targets (ADMIN). */
@RestController
@Validated
class UnitController {

    private final LedgerCommands commands;

    UnitController(LedgerCommands commands) {
        this.commands = commands;
    }

    /** {@code parentUnitId}: the registered unit this one belongs to (a county's department → the county); absent for none. */
    record UnitRequest(@NotBlank @Size(max = 200) String name, @NotNull UnitKind kind, String parentUnitId) {
    }

    record UnitResponse(String unitId, String name, UnitKind kind, String parentUnitId) {
    }

    /**
     * A target is given one of two ways: {@code annualTarget}, or {@code ratioOfExisting} with
     * {@code existingEnterprises} (seed 000: 不低于辖区存续企业的50%; the annual target is ⌈ratio × N⌉).
     * {@code includeSubUnits}: the letters and records of every unit below count towards it (default false).
     */
    record TargetRequest(@Min(1) @Max(ExistingEnterpriseRatio.MAX_ANNUAL_TARGET) Integer annualTarget,
                         @NotNull QuotaCounting counting, @NotNull Boolean quarterlyRule, Boolean includeSubUnits,
                         @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") @Digits(integer = 2, fraction = 4) BigDecimal ratioOfExisting,
                         @Min(1) @Max(100_000_000) Integer existingEnterprises) {
    }

    record TargetResponse(String unitId, int year, int annualTarget, QuotaCounting counting, boolean quarterlyRule,
                          boolean includeSubUnits, BigDecimal ratioOfExisting, Integer existingEnterprises) {
    }

    /**
     * Creates (201) or updates (200) a unit. A {@code parentUnitId} that is not registered, or that would make the unit
     * its own ancestor, is refused (422) by the command-side unit lookup ({@link KnownUnits}).
     */
    @Operation(operationId = "saveUnit", summary = "Register or update a unit")
    @PutMapping("/api/v1/units/{unitId}")
    @ApiResponse(responseCode = "201", description = "Registered a new unit")
    @ApiResponse(responseCode = "200", description = "Updated (or confirmed) an existing unit")
    @AllowedRoles(Role.ADMIN)
    ResponseEntity<UnitResponse> save(@PathVariable String unitId, @Valid @RequestBody UnitRequest request, LedgerMetadata metadata) {
        UnitId id = unitId(unitId, "unitId");
        UnitId parent = request.parentUnitId() == null ? null : unitId(request.parentUnitId(), "parentUnitId");
        boolean created = commands.send(new SaveUnitCommand(id, request.name().trim(), request.kind(), parent), metadata);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new UnitResponse(id.value(), request.name().trim(), request.kind(), request.parentUnitId()));
    }

    @Operation(operationId = "setTarget", summary = "Set a unit's yearly target")
    @PutMapping("/api/v1/units/{unitId}/targets/{year}")
    @AllowedRoles(Role.ADMIN)
    TargetResponse setTarget(@PathVariable String unitId, @PathVariable @Min(2000) @Max(2100) int year,
                             @Valid @RequestBody TargetRequest request, LedgerMetadata metadata) {
        UnitId id = unitId(unitId, "unitId");
        boolean includeSubUnits = Boolean.TRUE.equals(request.includeSubUnits());
        ExistingEnterpriseRatio ratio = ratio(request);
        SetQuotaTargetCommand command = ratio == null
                ? new SetQuotaTargetCommand(id, year, request.annualTarget(), request.counting(), request.quarterlyRule(), includeSubUnits, null)
                : new SetQuotaTargetCommand(id, year, ratio, request.counting(), request.quarterlyRule(), includeSubUnits);
        commands.send(command, metadata);
        return new TargetResponse(id.value(), year, command.annualTarget(), command.counting(), command.quarterlyRule(),
                includeSubUnits, ratio == null ? null : ratio.ratio(), ratio == null ? null : ratio.existingEnterprises());
    }

    /** The ratio form of the target, or null for a number; anything but exactly one complete form is refused (422). */
    private static ExistingEnterpriseRatio ratio(TargetRequest request) {
        boolean hasRatio = request.ratioOfExisting() != null;
        boolean hasExisting = request.existingEnterprises() != null;
        if (request.annualTarget() != null && (hasRatio || hasExisting)) {
            throw new TargetForm(List.of(FieldProblem.of("annualTarget", "unit.target.one-form.field")));
        }
        if (request.annualTarget() != null) {
            return null;
        }
        if (!hasRatio && !hasExisting) {
            throw new TargetForm(List.of(FieldProblem.of("annualTarget", "unit.target.one-form.field")));
        }
        if (!hasRatio || !hasExisting) {
            throw new TargetForm(List.of(hasRatio
                    ? FieldProblem.of("existingEnterprises", "unit.target.ratio.missing", "ratioOfExisting")
                    : FieldProblem.of("ratioOfExisting", "unit.target.ratio.missing", "existingEnterprises")));
        }
        try {
            return new ExistingEnterpriseRatio(request.ratioOfExisting(), request.existingEnterprises());
        } catch (InvalidValue e) {
            throw new InvalidInput(FieldProblem.of("ratioOfExisting", e.reason()));
        }
    }

    private static UnitId unitId(String raw, String field) {
        if (!UnitId.isValid(raw)) {
            throw new InvalidInput(FieldProblem.of(field, "unit.id.format"));
        }
        return new UnitId(raw);
    }

    /** A target given both ways, neither way, or half of the ratio form. */
    static class TargetForm extends LedgerProblem {
        TargetForm(List<FieldProblem> errors) {
            super(ProblemType.UNPROCESSABLE, Text.of("unit.target.one-form"), errors);
        }
    }
}
