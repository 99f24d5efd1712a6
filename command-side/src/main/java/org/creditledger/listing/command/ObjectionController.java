package org.creditledger.listing.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ListEntryMessages.DecideObjectionCommand;
import org.creditledger.listing.api.ListEntryMessages.FileObjectionCommand;
import org.creditledger.listing.api.ObjectionId;
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
import java.util.UUID;

/**
 * Objections (异议) against list entries: the list's authority records the subject's objection and decides it
 * (LIST_AUTHORITY of that authority, and ADMIN); the entry decides whether the caller's authority may. Tagged with the
 * list entries' endpoints, where the API document has always grouped them (generated clients group by tag).
 */
@RestController
@Tag(name = "list-entry-controller")
class ObjectionController {

    private final LedgerCommands commands;
    private final ObjectionDueDates dueDates;
    private final Clock clock;

    ObjectionController(LedgerCommands commands, ObjectionDueDates dueDates, Clock clock) {
        this.commands = commands;
        this.dueDates = dueDates;
        this.clock = clock;
    }

    record ObjectionRequest(@NotBlank @Size(max = 5000) String grounds, @NotNull LocalDate filedOn) {
    }

    record ObjectionResponse(UUID objectionId, LocalDate decideBy) {
    }

    record ObjectionDecisionRequest(@NotNull Boolean upheld, @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(operationId = "fileObjection", summary = "File an objection to an entry")
    @PostMapping("/api/v1/list-entries/{entryId}/objections")
    @ApiResponse(responseCode = "201", description = "Filed; decideBy is the date the authority must decide by")
    @AllowedRoles({Role.ADMIN, Role.LIST_AUTHORITY})
    ResponseEntity<ObjectionResponse> fileObjection(@PathVariable UUID entryId, @Valid @RequestBody ObjectionRequest request,
                                                    Caller caller, LedgerMetadata metadata) {
        LocalDate today = today();
        if (request.filedOn().isAfter(today)) {
            throw new InvalidInput(new FieldProblem("filedOn", "must not be in the future (today is " + today + " in Asia/Shanghai)"));
        }
        ObjectionId objectionId = ObjectionId.random();
        LocalDate decideBy = dueDates.decideBy(request.filedOn());
        commands.send(new FileObjectionCommand(new EntryId(entryId), objectionId, request.grounds().trim(),
                request.filedOn(), decideBy, ActingAuthority.of(caller)), metadata);
        return ResponseEntity.created(URI.create("/api/v1/list-entries/" + entryId + "/objections/" + objectionId))
                .body(new ObjectionResponse(objectionId.value(), decideBy));
    }

    @Operation(operationId = "decideObjection", summary = "Decide an objection")
    @PostMapping("/api/v1/list-entries/{entryId}/objections/{objectionId}/decision")
    @ApiResponse(responseCode = "409", description = "The objection is already decided, or the entry has exited")
    @AllowedRoles({Role.ADMIN, Role.LIST_AUTHORITY})
    DecisionResponse decideObjection(@PathVariable UUID entryId, @PathVariable UUID objectionId,
                                     @Valid @RequestBody ObjectionDecisionRequest request, Caller caller,
                                     LedgerMetadata metadata) {
        LocalDate today = today();
        commands.send(new DecideObjectionCommand(new EntryId(entryId), new ObjectionId(objectionId), request.upheld(),
                request.reason().trim(), today, ActingAuthority.of(caller)), metadata);
        return new DecisionResponse(entryId, today);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ListEntry.BUSINESS_ZONE));
    }
}
