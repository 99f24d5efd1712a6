package org.creditledger.listing.command;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.creditledger.catalogue.api.ListCode;
import org.creditledger.catalogue.command.KnownLists;
import org.creditledger.catalogue.command.KnownLists.ListFacts;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ExitReason;
import org.creditledger.listing.api.ListEntryMessages.ApplyForRepairCommand;
import org.creditledger.listing.api.ListEntryMessages.DecideObjectionCommand;
import org.creditledger.listing.api.ListEntryMessages.DecideRepairCommand;
import org.creditledger.listing.api.ListEntryMessages.DelistCommand;
import org.creditledger.listing.api.ListEntryMessages.EnterListCommand;
import org.creditledger.listing.api.ListEntryMessages.FileObjectionCommand;
import org.creditledger.listing.api.ListEntryMessages.SubjectListedEvent;
import org.creditledger.listing.api.ObjectionId;
import org.creditledger.listing.api.RepairId;
import org.creditledger.listing.api.RepairMethod;
import org.creditledger.listing.api.WorkingDayCalendar;
import org.creditledger.platform.access.AccessDenied;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.axon.LedgerCommands;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.subject.InvalidSubjectCode;
import org.creditledger.subject.SubjectKind;
import org.creditledger.subject.SubjectRef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Entering subjects on lists (列入), exits (移出), objections (异议) and credit repair (信用修复): LIST_AUTHORITY of the
 * list's authority, and ADMIN. Parses, resolves what the aggregate cannot look up (the list's facts, today in
 * Asia/Shanghai, an objection's decision date in working days), authorises, sends.
 */
@RestController
class ListEntryController {

    private final LedgerCommands commands;
    private final KnownLists knownLists;
    private final ActiveListEntries activeEntries;
    private final EventStore eventStore;
    private final WorkingDayCalendar calendar;
    private final int objectionWorkingDays;
    private final Clock clock;

    ListEntryController(LedgerCommands commands, KnownLists knownLists, ActiveListEntries activeEntries,
                        EventStore eventStore, WorkingDayCalendar calendar,
                        @Value("${ledger.objection.working-days:" + FileObjectionCommand.DEFAULT_WORKING_DAYS_TO_DECIDE + "}") int objectionWorkingDays,
                        Clock clock) {
        this.commands = commands;
        this.knownLists = knownLists;
        this.activeEntries = activeEntries;
        this.eventStore = eventStore;
        this.calendar = calendar;
        this.objectionWorkingDays = objectionWorkingDays;
        this.clock = clock;
    }

    record SubjectBody(SubjectKind kind, String code, String name) {
    }

    record EnterRequest(String listCode, SubjectBody subject, @Size(max = 200) String decisionNo, LocalDate decidedOn,
                        @Size(max = 2000) String reason, LocalDate effectiveFrom, LocalDate effectiveUntil,
                        @Size(max = 200) String legalRepresentative,
                        @Size(max = 50) List<@NotBlank @Size(max = 200) String> responsiblePersons) {
    }

    record EnteredResponse(UUID entryId, LocalDate effectiveUntil) {
    }

    record ExitRequest(@NotNull ExitReason reason, @Size(max = 200) String documentNo, @Size(max = 2000) String note) {
    }

    record ExitedResponse(UUID entryId, ExitReason exitReason, LocalDate exitedOn) {
    }

    record ObjectionRequest(@NotBlank @Size(max = 5000) String grounds, @NotNull LocalDate filedOn) {
    }

    record ObjectionResponse(UUID objectionId, LocalDate decideBy) {
    }

    record ObjectionDecisionRequest(@NotNull Boolean upheld, @NotBlank @Size(max = 2000) String reason) {
    }

    record RepairRequest(@NotEmpty @Size(max = 6) Set<@NotNull RepairMethod> methods, UUID commitmentId,
                         @NotBlank @Size(max = 5000) String evidence) {
    }

    record RepairResponse(UUID repairId) {
    }

    record RepairDecisionRequest(@NotNull Boolean approved, @NotBlank @Size(max = 2000) String reason) {
    }

    record DecisionResponse(UUID entryId, LocalDate decidedOn) {
    }

    @PostMapping("/api/v1/list-entries")
    @ApiResponse(responseCode = "201", description = "Entered; Location names the new entry")
    @ApiResponse(responseCode = "409", description = "The subject is already active on the list")
    @ApiResponse(responseCode = "422", description = "The list is not in the catalogue")
    @AllowedRoles({Role.ADMIN, Role.LIST_AUTHORITY})
    ResponseEntity<EnteredResponse> enter(@Valid @RequestBody EnterRequest request, Caller caller, LedgerMetadata metadata) {
        LocalDate today = today();
        List<FieldProblem> errors = new ArrayList<>();
        ListCode listCode = null;
        if (isBlank(request.listCode())) {
            errors.add(new FieldProblem("listCode", "is required"));
        } else if (!ListCode.isValid(request.listCode())) {
            errors.add(new FieldProblem("listCode", ListCode.RULE));
        } else {
            listCode = new ListCode(request.listCode());
        }
        SubjectRef subject = subject(request.subject(), errors);
        required(errors, "decisionNo", request.decisionNo());
        required(errors, "reason", request.reason());
        if (request.decidedOn() == null) {
            errors.add(new FieldProblem("decidedOn", "is required"));
        } else if (request.decidedOn().isAfter(today)) {
            errors.add(new FieldProblem("decidedOn", "must not be in the future (today is " + today + " in Asia/Shanghai)"));
        }
        if (request.effectiveFrom() == null) {
            errors.add(new FieldProblem("effectiveFrom", "is required"));
        } else if (request.decidedOn() != null && request.effectiveFrom().isBefore(request.decidedOn())) {
            errors.add(new FieldProblem("decidedOn", "must not be after effectiveFrom " + request.effectiveFrom()));
        }
        if (request.effectiveFrom() != null && request.effectiveUntil() != null
                && !request.effectiveUntil().isAfter(request.effectiveFrom())) {
            errors.add(new FieldProblem("effectiveUntil", "must be after effectiveFrom " + request.effectiveFrom()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        ListFacts facts = knownLists.requireFacts(listCode, "listCode");
        String actingAuthority = actingAuthority(caller);
        if (actingAuthority != null && !actingAuthority.equals(facts.authority())) {
            throw new AccessDenied("Only authority " + facts.authority() + " may enter subjects on list " + listCode + ".");
        }
        activeEntries.active(listCode.value(), subject.code()).ifPresent(active -> {
            throw new SubjectAlreadyListed(request.listCode(), subject.maskedCode(), active);
        });
        LocalDate effectiveUntil = request.effectiveUntil() != null ? request.effectiveUntil()
                : request.effectiveFrom().plusMonths(facts.periodMonths()).minusDays(1);
        EntryId entryId = EntryId.random();
        commands.send(new EnterListCommand(entryId, listCode.value(), facts.authority(), subject,
                request.decisionNo().trim(), request.decidedOn(), request.reason().trim(), request.effectiveFrom(),
                effectiveUntil, trimmed(request.legalRepresentative()), request.responsiblePersons(),
                facts.earlyRepairAllowed(), facts.minMonthsBeforeRepair(), actingAuthority), metadata);
        return ResponseEntity.created(URI.create("/api/v1/list-entries/" + entryId))
                .body(new EnteredResponse(entryId.value(), effectiveUntil));
    }

    @PostMapping("/api/v1/list-entries/{entryId}/exit")
    @ApiResponse(responseCode = "409", description = "The entry has already exited")
    @AllowedRoles({Role.ADMIN, Role.LIST_AUTHORITY})
    ExitedResponse exit(@PathVariable UUID entryId, @Valid @RequestBody ExitRequest request, Caller caller,
                        LedgerMetadata metadata) {
        LocalDate today = today();
        commands.send(new DelistCommand(new EntryId(entryId), request.reason(), trimmed(request.documentNo()),
                trimmed(request.note()), today, actingAuthority(caller)), metadata);
        return new ExitedResponse(entryId, request.reason(), today);
    }

    /** The authority records the subject's objection (or an administrator does); the aggregate lets anyone file. */
    @PostMapping("/api/v1/list-entries/{entryId}/objections")
    @ApiResponse(responseCode = "201", description = "Filed; decideBy is the date the authority must decide by")
    @AllowedRoles({Role.ADMIN, Role.LIST_AUTHORITY})
    ResponseEntity<ObjectionResponse> fileObjection(@PathVariable UUID entryId, @Valid @RequestBody ObjectionRequest request,
                                                    Caller caller, LedgerMetadata metadata) {
        LocalDate today = today();
        if (request.filedOn().isAfter(today)) {
            throw new InvalidInput(new FieldProblem("filedOn", "must not be in the future (today is " + today + " in Asia/Shanghai)"));
        }
        String listAuthority = listAuthorityOf(new EntryId(entryId));
        String actingAuthority = actingAuthority(caller);
        if (actingAuthority != null && !actingAuthority.equals(listAuthority)) {
            throw new AccessDenied("Only authority " + listAuthority + " may record objections against this entry.");
        }
        ObjectionId objectionId = ObjectionId.random();
        LocalDate decideBy = calendar.addWorkingDays(request.filedOn(), objectionWorkingDays);
        commands.send(new FileObjectionCommand(new EntryId(entryId), objectionId, request.grounds().trim(),
                request.filedOn(), decideBy), metadata);
        return ResponseEntity.created(URI.create("/api/v1/list-entries/" + entryId + "/objections/" + objectionId))
                .body(new ObjectionResponse(objectionId.value(), decideBy));
    }

    @PostMapping("/api/v1/list-entries/{entryId}/objections/{objectionId}/decision")
    @ApiResponse(responseCode = "409", description = "The objection is already decided, or the entry has exited")
    @AllowedRoles({Role.ADMIN, Role.LIST_AUTHORITY})
    DecisionResponse decideObjection(@PathVariable UUID entryId, @PathVariable UUID objectionId,
                                     @Valid @RequestBody ObjectionDecisionRequest request, Caller caller,
                                     LedgerMetadata metadata) {
        LocalDate today = today();
        commands.send(new DecideObjectionCommand(new EntryId(entryId), new ObjectionId(objectionId), request.upheld(),
                request.reason().trim(), today, actingAuthority(caller)), metadata);
        return new DecisionResponse(entryId, today);
    }

    @PostMapping("/api/v1/list-entries/{entryId}/repairs")
    @ApiResponse(responseCode = "201", description = "Repair application recorded")
    @ApiResponse(responseCode = "422", description = "The list does not allow (early) repair")
    @AllowedRoles({Role.ADMIN, Role.LIST_AUTHORITY})
    ResponseEntity<RepairResponse> applyForRepair(@PathVariable UUID entryId, @Valid @RequestBody RepairRequest request,
                                                  Caller caller, LedgerMetadata metadata) {
        RepairId repairId = RepairId.random();
        commands.send(new ApplyForRepairCommand(new EntryId(entryId), repairId, request.methods(),
                request.commitmentId() == null ? null : new CommitmentId(request.commitmentId()),
                request.evidence().trim(), today(), actingAuthority(caller)), metadata);
        return ResponseEntity.created(URI.create("/api/v1/list-entries/" + entryId + "/repairs/" + repairId))
                .body(new RepairResponse(repairId.value()));
    }

    @PostMapping("/api/v1/list-entries/{entryId}/repairs/{repairId}/decision")
    @ApiResponse(responseCode = "409", description = "The application is already decided, or the entry has exited")
    @AllowedRoles({Role.ADMIN, Role.LIST_AUTHORITY})
    DecisionResponse decideRepair(@PathVariable UUID entryId, @PathVariable UUID repairId,
                                  @Valid @RequestBody RepairDecisionRequest request, Caller caller, LedgerMetadata metadata) {
        LocalDate today = today();
        commands.send(new DecideRepairCommand(new EntryId(entryId), new RepairId(repairId), request.approved(),
                request.reason().trim(), today, actingAuthority(caller)), metadata);
        return new DecisionResponse(entryId, today);
    }

    /** The authority of the entry's list, from its first event; 404 for an unknown entry. */
    private String listAuthorityOf(EntryId entryId) {
        DomainEventStream events = eventStore.readEvents(entryId.toString());
        if (!events.hasNext()) {
            throw new AggregateNotFoundException(entryId.toString(), "No list entry " + entryId);
        }
        DomainEventMessage<?> first = events.next();
        if (first.getPayload() instanceof SubjectListedEvent listed) {
            return listed.listAuthority();
        }
        throw new AggregateNotFoundException(entryId.toString(), "No list entry " + entryId);
    }

    /** The authority a LIST_AUTHORITY key acts for; null for an administrator, who may act on every list. */
    private static String actingAuthority(Caller caller) {
        return caller.is(Role.ADMIN) ? null : caller.authority();
    }

    private static SubjectRef subject(SubjectBody body, List<FieldProblem> errors) {
        SubjectBody s = body == null ? new SubjectBody(null, null, null) : body;
        int before = errors.size();
        if (s.kind() == null) {
            errors.add(new FieldProblem("subject.kind", "is required"));
        }
        if (isBlank(s.code())) {
            errors.add(new FieldProblem("subject.code", "is required"));
        }
        if (isBlank(s.name())) {
            errors.add(new FieldProblem("subject.name", "is required"));
        }
        if (errors.size() > before) {
            return null;
        }
        try {
            return new SubjectRef(s.kind(), s.code(), s.name());
        } catch (InvalidSubjectCode e) {
            errors.add(new FieldProblem("subject.code", e.reason()));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldProblem("subject.name", e.getMessage()));
        }
        return null;
    }

    private static void required(List<FieldProblem> errors, String field, String value) {
        if (isBlank(value)) {
            errors.add(new FieldProblem(field, "is required"));
        }
    }

    private static String trimmed(String value) {
        return isBlank(value) ? null : value.trim();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ListEntry.BUSINESS_ZONE));
    }
}
