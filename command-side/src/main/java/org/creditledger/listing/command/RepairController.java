package org.creditledger.listing.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ListEntryMessages.ApplyForRepairCommand;
import org.creditledger.listing.api.ListEntryMessages.DecideRepairCommand;
import org.creditledger.listing.api.RepairId;
import org.creditledger.listing.api.RepairMethod;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.axon.LedgerCommands;
import org.creditledger.platform.axon.LedgerMetadata;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Credit repair (信用修复) out of list entries: the list's authority records applications and decides them
 * (谁认定、谁修复; LIST_AUTHORITY of that authority, and ADMIN); the entry decides whether the caller's authority may.
 * Tagged with the list entries' endpoints, where the API document has always grouped them.
 */
@RestController
@Tag(name = "list-entry-controller")
class RepairController {

    private final LedgerCommands commands;
    private final Clock clock;

    RepairController(LedgerCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record RepairRequest(@NotEmpty @Size(max = 6) Set<@NotNull RepairMethod> methods, UUID commitmentId,
                         @NotBlank @Size(max = 5000) String evidence) {
    }

    record RepairResponse(UUID repairId) {
    }

    record RepairDecisionRequest(@NotNull Boolean approved, @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(operationId = "applyForRepair", summary = "Apply for credit repair")
    @PostMapping("/api/v1/list-entries/{entryId}/repairs")
    @ApiResponse(responseCode = "201", description = "Repair application recorded")
    @ApiResponse(responseCode = "422", description = "The list does not allow (early) repair")
    @AllowedRoles({Role.ADMIN, Role.LIST_AUTHORITY})
    ResponseEntity<RepairResponse> applyForRepair(@PathVariable UUID entryId, @Valid @RequestBody RepairRequest request,
                                                  Caller caller, LedgerMetadata metadata) {
        RepairId repairId = RepairId.random();
        commands.send(new ApplyForRepairCommand(new EntryId(entryId), repairId, request.methods(),
                request.commitmentId() == null ? null : new CommitmentId(request.commitmentId()),
                request.evidence().trim(), today(), ActingAuthority.of(caller)), metadata);
        return ResponseEntity.created(URI.create("/api/v1/list-entries/" + entryId + "/repairs/" + repairId))
                .body(new RepairResponse(repairId.value()));
    }

    @Operation(operationId = "decideRepair", summary = "Decide a credit repair application")
    @PostMapping("/api/v1/list-entries/{entryId}/repairs/{repairId}/decision")
    @ApiResponse(responseCode = "409", description = "The application is already decided, or the entry has exited")
    @AllowedRoles({Role.ADMIN, Role.LIST_AUTHORITY})
    DecisionResponse decideRepair(@PathVariable UUID entryId, @PathVariable UUID repairId,
                                  @Valid @RequestBody RepairDecisionRequest request, Caller caller, LedgerMetadata metadata) {
        LocalDate today = today();
        commands.send(new DecideRepairCommand(new EntryId(entryId), new RepairId(repairId), request.approved(),
                request.reason().trim(), today, ActingAuthority.of(caller)), metadata);
        return new DecisionResponse(entryId, today);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ListEntry.BUSINESS_ZONE));
    }
}
