package org.creditledger.commitment.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentMessages.CorrectOutcomeCommand;
import org.creditledger.commitment.api.CommitmentMessages.PostCommitmentCommand;
import org.creditledger.commitment.api.CommitmentMessages.RecordOutcomeCommand;
import org.creditledger.commitment.api.CommitmentStatus;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.commitment.api.Outcome;
import org.creditledger.platform.access.AccessDenied;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.axon.LedgerCommands;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.subject.web.SubjectBody;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.command.KnownUnits;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.creditledger.platform.i18n.Text;

/** Posting commitment letters and recording their outcomes (UNIT_CLERK of the unit, ADMIN). */
@RestController
class CommitmentController {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final LedgerCommands commands;
    private final KnownUnits knownUnits;
    private final EventStore eventStore;
    private final Clock clock;

    CommitmentController(LedgerCommands commands, KnownUnits knownUnits, EventStore eventStore, Clock clock) {
        this.commands = commands;
        this.knownUnits = knownUnits;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    record PostCommitmentRequest(String unitId, CommitmentType type, SubjectBody subject, String matter, String content,
                                 LocalDate signedOn, LocalDate dueDate, String letterNo) {
        CommitmentDraft draft() {
            SubjectBody s = subject == null ? new SubjectBody(null, null, null) : subject;
            return new CommitmentDraft(unitId, type, s.kind(), s.code(), s.name(), matter, content, signedOn, dueDate, letterNo);
        }
    }

    record PostedResponse(UUID commitmentId, CommitmentStatus status, Instant recordedAt) {
    }

    record OutcomeRequest(@NotNull Outcome outcome, @NotNull LocalDate occurredOn, @Size(max = 2000) String note) {
    }

    record OutcomeResponse(UUID commitmentId, CommitmentStatus status) {
    }

    /** {@code reason}: why the recorded outcome was wrong, kept with the correction in the history. */
    record CorrectionRequest(@NotNull Outcome outcome, @NotNull LocalDate occurredOn,
                             @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(operationId = "postCommitment", summary = "Post a commitment letter")
    @PostMapping("/api/v1/commitments")
    @ApiResponse(responseCode = "201", description = "Posted; Location names the new commitment")
    @AllowedRoles({Role.ADMIN, Role.UNIT_CLERK})
    ResponseEntity<PostedResponse> post(@RequestBody PostCommitmentRequest request, Caller caller, LedgerMetadata metadata) {
        CommitmentDraft.Checked checked = request.draft().check(CommitmentId.random(), today());
        if (!checked.valid()) {
            throw new InvalidInput(checked.errors());
        }
        PostCommitmentCommand command = checked.command();
        if (!caller.mayActForUnit(command.unitId().value())) {
            throw new AccessDenied(Text.of("commitment.unit-clerk.own-unit", caller.unitId()));
        }
        knownUnits.require(command.unitId(), "unitId");
        commands.send(command, metadata);
        Instant recordedAt = eventStore.readEvents(command.commitmentId().toString()).next().getTimestamp();
        return ResponseEntity.created(URI.create("/api/v1/commitments/" + command.commitmentId()))
                .body(new PostedResponse(command.commitmentId().value(), CommitmentStatus.POSTED, recordedAt));
    }

    /** Only a UUID matches {@code commitmentId}, so {@code /commitments/imports/…} reaches the import handlers. */
    @Operation(operationId = "recordOutcome", summary = "Record fulfilment or breach of a commitment")
    @PostMapping("/api/v1/commitments/{commitmentId:" + UUID_PATTERN + "}/outcome")
    @AllowedRoles({Role.ADMIN, Role.UNIT_CLERK})
    OutcomeResponse recordOutcome(@PathVariable UUID commitmentId, @Valid @RequestBody OutcomeRequest request,
                                  Caller caller, LedgerMetadata metadata) {
        if (request.occurredOn().isAfter(today())) {
            throw new InvalidInput(FieldProblem.of("occurredOn", "problem.field.not-future", today()));
        }
        UnitId recordedBy = caller.is(Role.ADMIN) ? null : new UnitId(caller.unitId());
        CommitmentStatus status = commands.send(new RecordOutcomeCommand(new CommitmentId(commitmentId), request.outcome(),
                request.occurredOn(), request.note(), recordedBy), metadata);
        return new OutcomeResponse(commitmentId, status);
    }

    /**
     * A recorded outcome that was wrong is replaced by the other one; the first stays in the history, and quota,
     * lists, statistics and checks follow the corrected one from then on.
     */
    @Operation(operationId = "correctOutcome", summary = "Correct the recorded outcome of a commitment")
    @PostMapping("/api/v1/commitments/{commitmentId:" + UUID_PATTERN + "}/outcome-corrections")
    @ApiResponse(responseCode = "200", description = "Corrected; the commitment's status is the corrected outcome")
    @ApiResponse(responseCode = "409", description = "No outcome yet, or already that outcome")
    @AllowedRoles({Role.ADMIN, Role.UNIT_CLERK})
    OutcomeResponse correctOutcome(@PathVariable UUID commitmentId, @Valid @RequestBody CorrectionRequest request,
                                   Caller caller, LedgerMetadata metadata) {
        if (request.occurredOn().isAfter(today())) {
            throw new InvalidInput(FieldProblem.of("occurredOn", "problem.field.not-future", today()));
        }
        UnitId correctedBy = caller.is(Role.ADMIN) ? null : new UnitId(caller.unitId());
        CommitmentStatus status = commands.send(new CorrectOutcomeCommand(new CommitmentId(commitmentId),
                request.outcome(), request.occurredOn(), request.reason().strip(), correctedBy), metadata);
        return new OutcomeResponse(commitmentId, status);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Commitment.BUSINESS_ZONE));
    }
}
