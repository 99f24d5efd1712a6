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
import org.creditledger.commitment.api.CommitmentLetter;
import org.creditledger.commitment.command.CommitmentLetters;
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
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
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
    private final CommitmentLetters letters;
    private final Clock clock;

    RepairController(LedgerCommands commands, CommitmentLetters letters, Clock clock) {
        this.commands = commands;
        this.letters = letters;
        this.clock = clock;
    }

    /**
     * {@code commitmentId}: the subject's 信用修复 commitment letter, required where the list says so.
     * {@code correctedOn}: the day the subject corrected the failure, required where the list's minimum wait counts
     * from it ({@code repairWaitFrom: CORRECTION}). {@code appliedOn}: the day the subject applied (through 信用中国),
     * today when absent; not in the future.
     */
    record RepairRequest(@NotEmpty @Size(max = 6) Set<@NotNull RepairMethod> methods, UUID commitmentId,
                         @NotBlank @Size(max = 5000) String evidence, LocalDate correctedOn, LocalDate appliedOn) {
    }

    /** {@code decideBy}: the day the authority must decide by; undecided after it, the application is overdue. */
    record RepairResponse(UUID repairId, LocalDate decideBy) {
    }

    record RepairDecisionRequest(@NotNull Boolean approved, @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(operationId = "applyForRepair", summary = "Apply for credit repair")
    @PostMapping("/api/v1/list-entries/{entryId}/repairs")
    @ApiResponse(responseCode = "201", description = "Repair application recorded")
    @ApiResponse(responseCode = "422", description = "The list does not allow (early) repair yet, needs correctedOn, or "
            + "commitmentId names no CREDIT_REPAIR letter of the entry's subject")
    @AllowedRoles({Role.ADMIN, Role.LIST_AUTHORITY})
    ResponseEntity<RepairResponse> applyForRepair(@PathVariable UUID entryId, @Valid @RequestBody RepairRequest request,
                                                  Caller caller, LedgerMetadata metadata) {
        LocalDate today = today();
        if (request.appliedOn() != null && request.appliedOn().isAfter(today)) {
            throw new InvalidInput(FieldProblem.of("appliedOn", "problem.field.not-future", today));
        }
        LocalDate appliedOn = request.appliedOn() == null ? today : request.appliedOn();
        RepairId repairId = RepairId.random();
        CommitmentId commitmentId = request.commitmentId() == null ? null : new CommitmentId(request.commitmentId());
        // the entry judges the letter (whose, which type); the lookup only says what the ledger holds under that id
        CommitmentLetter letter = commitmentId == null ? null : letters.find(commitmentId).orElse(null);
        LocalDate decideBy = commands.send(new ApplyForRepairCommand(new EntryId(entryId), repairId, request.methods(),
                commitmentId, request.evidence().trim(), appliedOn, ActingAuthority.of(caller), request.correctedOn(),
                letter), metadata);
        return ResponseEntity.created(URI.create("/api/v1/list-entries/" + entryId + "/repairs/" + repairId))
                .body(new RepairResponse(repairId.value(), decideBy));
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
