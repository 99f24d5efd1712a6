package org.creditledger.listing.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.creditledger.catalogue.command.KnownLists;
import org.creditledger.catalogue.command.KnownLists.ListFacts;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ExitReason;
import org.creditledger.listing.api.ListEntryMessages.DelistCommand;
import org.creditledger.listing.api.ListEntryMessages.EnterListCommand;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.axon.LedgerCommands;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.subject.web.SubjectBody;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Entering subjects on lists (列入) and their exits (移出): LIST_AUTHORITY of the list's authority, and ADMIN.
 * Parses, completes the command with what the entry cannot look up (the list's facts, today in Asia/Shanghai) and
 * sends it; the entry decides whether the caller's authority may. Objections and repairs have their own controllers.
 */
@RestController
class ListEntryController {

    private final LedgerCommands commands;
    private final KnownLists knownLists;
    private final Clock clock;

    ListEntryController(LedgerCommands commands, KnownLists knownLists, Clock clock) {
        this.commands = commands;
        this.knownLists = knownLists;
        this.clock = clock;
    }

    record EnterRequest(String listCode, SubjectBody subject, @Size(max = 200) String decisionNo, LocalDate decidedOn,
                        @Size(max = 2000) String reason, LocalDate effectiveFrom, LocalDate effectiveUntil,
                        @Valid Person legalRepresentative,
                        @Size(max = 50) List<@Valid @NotNull Person> responsiblePersons) {
        EnterListDraft draft() {
            return new EnterListDraft(listCode, subject, decisionNo, decidedOn, reason, effectiveFrom, effectiveUntil,
                    legalRepresentative == null ? null : legalRepresentative.body(),
                    responsiblePersons == null ? null : responsiblePersons.stream().map(Person::body).toList());
        }
    }

    /** A person the decision names: the 身份证 number is checked as one when given. */
    record Person(@Size(max = 200) String name, @Size(max = 18) String code, @Size(max = 100) String role) {
        EnterListDraft.PersonBody body() {
            return new EnterListDraft.PersonBody(name, code, role);
        }
    }

    record EnteredResponse(UUID entryId, LocalDate effectiveUntil) {
    }

    record ExitRequest(@NotNull ExitReason reason, @Size(max = 200) String documentNo, @Size(max = 2000) String note) {
    }

    record ExitedResponse(UUID entryId, ExitReason exitReason, LocalDate exitedOn) {
    }

    /** The set rule (one active entry per subject and list) is {@link ActiveListEntries}'; it answers 409. */
    @Operation(operationId = "enterList", summary = "Enter a subject on a list")
    @PostMapping("/api/v1/list-entries")
    @ApiResponse(responseCode = "201", description = "Entered; Location names the new entry")
    @ApiResponse(responseCode = "409", description = "The subject is already active on the list")
    @ApiResponse(responseCode = "422", description = "The list is not in the catalogue, or effectiveUntil is later than the list's period plus the extension it allows (maxExtensionMonths)")
    @AllowedRoles({Role.ADMIN, Role.LIST_AUTHORITY})
    ResponseEntity<EnteredResponse> enter(@Valid @RequestBody EnterRequest request, Caller caller, LedgerMetadata metadata) {
        EnterListDraft.Checked checked = request.draft().check(today());
        if (!checked.valid()) {
            throw new InvalidInput(checked.errors());
        }
        ListFacts facts = knownLists.requireFacts(checked.listCode(), "listCode");
        EnterListCommand command = checked.command(EntryId.random(), facts, ActingAuthority.of(caller));
        commands.send(command, metadata);
        return ResponseEntity.created(URI.create("/api/v1/list-entries/" + command.entryId()))
                .body(new EnteredResponse(command.entryId().value(), command.effectiveUntil()));
    }

    @Operation(operationId = "exitList", summary = "Take an entry off its list")
    @PostMapping("/api/v1/list-entries/{entryId}/exit")
    @ApiResponse(responseCode = "409", description = "The entry has already exited")
    @AllowedRoles({Role.ADMIN, Role.LIST_AUTHORITY})
    ExitedResponse exit(@PathVariable UUID entryId, @Valid @RequestBody ExitRequest request, Caller caller,
                        LedgerMetadata metadata) {
        LocalDate today = today();
        commands.send(new DelistCommand(new EntryId(entryId), request.reason(), trimmed(request.documentNo()),
                trimmed(request.note()), today, ActingAuthority.of(caller)), metadata);
        return new ExitedResponse(entryId, request.reason(), today);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ListEntry.BUSINESS_ZONE));
    }
}
