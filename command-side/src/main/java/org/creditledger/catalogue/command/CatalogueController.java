package org.creditledger.catalogue.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.creditledger.catalogue.api.CatalogueMessages.SaveListDefinitionCommand;
import org.creditledger.catalogue.api.CatalogueMessages.RetireMeasureCommand;
import org.creditledger.catalogue.api.CatalogueMessages.SaveMeasureCommand;
import org.creditledger.catalogue.api.CatalogueMessages.Saved;
import org.creditledger.catalogue.api.ListCode;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.MeasureBinds;
import org.creditledger.catalogue.api.MeasureCode;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.catalogue.api.MeasureScope;
import org.creditledger.catalogue.api.RepairWaitFrom;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.axon.LedgerCommands;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of lists and measures (ADMIN): data, not code. Each change is a new version; an unchanged save
 * answers 200 and records nothing. The catalogue's own rules (periods, the legal basis of local supplements) live in
 * the aggregates; this controller parses, checks the named lists exist, and sends.
 */
@RestController
@Validated
class CatalogueController {

    private final LedgerCommands commands;
    private final KnownLists knownLists;

    CatalogueController(LedgerCommands commands, KnownLists knownLists) {
        this.commands = commands;
        this.knownLists = knownLists;
    }

    /**
     * {@code minMonthsBeforeRepair}: optional, 0 when absent; only meaningful when early repair is allowed.
     * {@code revokedOnBlackListing}: optional, false when absent; red lists only.
     * {@code criteria} 认定标准, {@code exitConditions} 移出条件, {@code procedure} 程序, {@code remedy} 救济: the texts
     * the list publishes, optional. {@code maxExtensionMonths}: optional, 0 when absent; how far past
     * {@code periodMonths} an entry's decision may set its end. Repair rules, each optional: {@code repairWaitFrom}
     * the date the minimum wait counts from ({@code DECISION} when absent; {@code CORRECTION}: the application states
     * it), {@code repairDecisionWorkingDays} the working days to decide an application (5 when absent),
     * {@code repairCommitmentRequired} whether an application must name a 信用修复 commitment letter (false when absent).
     */
    record ListRequest(@NotBlank @Size(max = 200) String name, @NotNull ListColour colour,
                       @NotBlank @Size(max = 200) String authority, @NotBlank @Size(max = 2000) String legalBasis,
                       @NotNull @Min(1) @Max(120) Integer periodMonths, @NotNull Boolean earlyRepairAllowed,
                       @Min(0) @Max(120) Integer minMonthsBeforeRepair, Boolean revokedOnBlackListing,
                       @Size(max = 4000) String criteria, @Size(max = 4000) String exitConditions,
                       @Size(max = 4000) String procedure, @Size(max = 4000) String remedy,
                       @Min(0) @Max(60) Integer maxExtensionMonths, RepairWaitFrom repairWaitFrom,
                       @Min(1) @Max(60) Integer repairDecisionWorkingDays, Boolean repairCommitmentRequired) {
    }

    record ListResponse(String listCode, int version, String name, ListColour colour, String authority, String legalBasis,
                        int periodMonths, boolean earlyRepairAllowed, int minMonthsBeforeRepair,
                        boolean revokedOnBlackListing, String criteria, String exitConditions, String procedure,
                        String remedy, int maxExtensionMonths, RepairWaitFrom repairWaitFrom,
                        int repairDecisionWorkingDays, boolean repairCommitmentRequired) {
    }

    /** {@code legalBasis} is checked by the measure itself, which names the rule for local supplements. */
    record MeasureRequest(@NotBlank @Size(max = 200) String name, @NotNull MeasureKind kind, @NotNull MeasureDomain domain,
                          @NotNull MeasureScope scope, @Size(max = 2000) String legalBasis,
                          @NotEmpty @Size(max = 100) List<String> listCodes, MeasureBinds binds) {
    }

    /** {@code binds}: whom the measure binds, the listed subject unless the request said otherwise. */
    record MeasureResponse(String measureCode, int version, String name, MeasureKind kind, MeasureDomain domain,
                           MeasureScope scope, String legalBasis, List<String> listCodes, MeasureBinds binds) {
    }

    @Operation(operationId = "saveList", summary = "Define or change a list")
    @PutMapping("/api/v1/lists/{listCode}")
    @ApiResponse(responseCode = "201", description = "Defined a new list (version 1)")
    @ApiResponse(responseCode = "200", description = "Changed the list (next version) or confirmed it unchanged")
    @AllowedRoles(Role.ADMIN)
    ResponseEntity<ListResponse> saveList(@PathVariable String listCode, @Valid @RequestBody ListRequest request, LedgerMetadata metadata) {
        if (!ListCode.isValid(listCode)) {
            throw new InvalidInput(FieldProblem.of("listCode", ListCode.RULE));
        }
        boolean early = request.earlyRepairAllowed();
        int minMonths = early && request.minMonthsBeforeRepair() != null ? request.minMonthsBeforeRepair() : 0;
        boolean revoked = Boolean.TRUE.equals(request.revokedOnBlackListing());
        int extension = request.maxExtensionMonths() == null ? 0 : request.maxExtensionMonths();
        SaveListDefinitionCommand command = new SaveListDefinitionCommand(new ListCode(listCode), request.name().trim(),
                request.colour(), request.authority().trim(), request.legalBasis().trim(), request.periodMonths(), early, minMonths,
                revoked, text(request.criteria()), text(request.exitConditions()), text(request.procedure()),
                text(request.remedy()), extension, request.repairWaitFrom(), request.repairDecisionWorkingDays(),
                Boolean.TRUE.equals(request.repairCommitmentRequired()));
        Saved saved = commands.send(command, metadata);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ListResponse(listCode, saved.version(), command.name(), command.colour(), command.authority(),
                        command.legalBasis(), command.periodMonths(), early, minMonths, revoked, command.criteria(),
                        command.exitConditions(), command.procedure(), command.remedy(), extension,
                        command.repairWaitFrom(), command.repairDecisionWorkingDays(), command.repairCommitmentRequired()));
    }

    /** A blank text is no text. */
    private static String text(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Operation(operationId = "saveMeasure", summary = "Define or change a measure")
    @PutMapping("/api/v1/measures/{measureCode}")
    @ApiResponse(responseCode = "201", description = "Defined a new measure (version 1)")
    @ApiResponse(responseCode = "200", description = "Changed the measure (next version) or confirmed it unchanged")
    @ApiResponse(responseCode = "422", description = "A list in listCodes is not in the catalogue, or its colour does not fit the measure's kind (PUNISHMENT: BLACK lists only; INCENTIVE: RED lists only)")
    @AllowedRoles(Role.ADMIN)
    ResponseEntity<MeasureResponse> saveMeasure(@PathVariable String measureCode, @Valid @RequestBody MeasureRequest request,
                                                LedgerMetadata metadata) {
        List<FieldProblem> errors = new ArrayList<>();
        if (!MeasureCode.isValid(measureCode)) {
            errors.add(FieldProblem.of("measureCode", MeasureCode.RULE));
        }
        List<ListCode> listCodes = new ArrayList<>();
        for (int i = 0; i < request.listCodes().size(); i++) {
            String code = request.listCodes().get(i);
            if (ListCode.isValid(code)) {
                listCodes.add(new ListCode(code));
            } else {
                errors.add(FieldProblem.of("listCodes[" + i + "]", ListCode.RULE));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        SaveMeasureCommand command = new SaveMeasureCommand(new MeasureCode(measureCode), request.name().trim(), request.kind(),
                request.domain(), request.scope(), request.legalBasis() == null ? null : request.legalBasis().trim(), listCodes,
                request.binds());
        knownLists.require(command.listCodes(), "listCodes");
        knownLists.requireConsistent(command.kind(), command.listCodes(), "listCodes");
        Saved saved = commands.send(command, metadata);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new MeasureResponse(measureCode, saved.version(), command.name(), command.kind(), command.domain(),
                        command.scope(), command.legalBasis(), command.listCodes().stream().map(ListCode::value).toList(),
                        command.binds()));
    }

    /** 清理: why the measure goes, and the first day (Asia/Shanghai) it no longer applies. */
    record RetirementRequest(@NotBlank @Size(max = 2000) String reason, @NotNull LocalDate effectiveOn) {
    }

    record RetirementResponse(String measureCode, int version, String reason, LocalDate effectiveOn) {
    }

    @PostMapping("/api/v1/measures/{measureCode}/retirement")
    @Operation(operationId = "retireMeasure", summary = "Retire a measure from a day on")
    @ApiResponse(responseCode = "200", description = "Retired: checks stop applying the measure from effectiveOn; its versions stay in history")
    @ApiResponse(responseCode = "404", description = "No such measure")
    @ApiResponse(responseCode = "409", description = "The measure is retired already")
    @AllowedRoles(Role.ADMIN)
    RetirementResponse retireMeasure(@PathVariable String measureCode, @Valid @RequestBody RetirementRequest request,
                                     LedgerMetadata metadata) {
        if (!MeasureCode.isValid(measureCode)) {
            throw new InvalidInput(new FieldProblem("measureCode", MeasureCode.RULE));
        }
        RetireMeasureCommand command = new RetireMeasureCommand(new MeasureCode(measureCode), request.reason().trim(),
                request.effectiveOn());
        int version = commands.send(command, metadata);
        return new RetirementResponse(measureCode, version, command.reason(), command.effectiveOn());
    }
}
