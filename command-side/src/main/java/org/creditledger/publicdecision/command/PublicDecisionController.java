package org.creditledger.publicdecision.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.creditledger.platform.access.AccessDenied;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.axon.LedgerCommands;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.publicdecision.api.ComplianceDefect;
import org.creditledger.publicdecision.api.DecisionId;
import org.creditledger.publicdecision.api.DecisionKind;
import org.creditledger.publicdecision.api.DecisionSubject;
import org.creditledger.publicdecision.api.PublicDecisionMessages.DecisionRecordedEvent;
import org.creditledger.publicdecision.api.PublicDecisionMessages.PublishDecisionCommand;
import org.creditledger.publicdecision.api.PublicDecisionMessages.RecordDecisionCommand;
import org.creditledger.publicdecision.api.PublicationChannel;
import org.creditledger.subject.SubjectRef;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 双公示: a unit records a licensing or penalty decision, then reports its publication (UNIT_CLERK of the unit, ADMIN).
 * The ledger pushes nothing to an outside site: it keeps the record and the timeliness, and an adapter reads the
 * published decisions from {@code GET /public-decisions/feed}.
 */
@RestController
class PublicDecisionController {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final int MAX_DECISION_NO = 100;
    static final int MAX_CODE = 32;
    static final int MAX_CONTENT = 4000;

    private final LedgerCommands commands;
    private final KnownUnits knownUnits;
    private final EventStore eventStore;
    private final Clock clock;

    PublicDecisionController(LedgerCommands commands, KnownUnits knownUnits, EventStore eventStore, Clock clock) {
        this.commands = commands;
        this.knownUnits = knownUnits;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    /**
     * @param subject    the subject (行政相对人): kind, code (统一社会信用代码 or 身份证号) and name; a code that fails its
     *                   check is recorded and makes the decision non-compliant, it is not refused
     * @param validFrom  有效期自, optional
     * @param validUntil 有效期至, optional
     */
    record RecordDecisionRequest(String unitId, DecisionKind kind, String decisionNo, SubjectBody subject,
                                 LocalDate decidedOn, String content, LocalDate validFrom, LocalDate validUntil) {
    }

    /**
     * @param publishBy the last day publishing counts as on time
     * @param defects   the required fields that are not valid (empty: compliant, 合规)
     */
    record RecordedResponse(UUID decisionId, LocalDate publishBy, List<ComplianceDefect> defects) {
    }

    record PublicationRequest(@NotNull LocalDate publishedOn, @NotNull PublicationChannel channel) {
    }

    record PublicationResponse(UUID decisionId, LocalDate publishedOn, PublicationChannel channel,
                               @Schema(description = "published within the limit (及时)") boolean onTime) {
    }

    @Operation(operationId = "recordPublicDecision", summary = "Record a licensing or penalty decision for publication (双公示)")
    @PostMapping("/api/v1/public-decisions")
    @ApiResponse(responseCode = "201", description = "Recorded; Location names the decision")
    @AllowedRoles({Role.ADMIN, Role.UNIT_CLERK})
    ResponseEntity<RecordedResponse> record(@RequestBody RecordDecisionRequest request, Caller caller, LedgerMetadata metadata) {
        RecordDecisionCommand command = command(request);
        if (!caller.mayActForUnit(command.unitId().value())) {
            throw new AccessDenied(Text.of("public-decision.unit-clerk.own-unit", caller.unitId()));
        }
        knownUnits.require(command.unitId(), "unitId");
        commands.send(command, metadata);
        DecisionRecordedEvent recorded = (DecisionRecordedEvent) eventStore.readEvents(command.decisionId().toString())
                .next().getPayload();
        return ResponseEntity.created(URI.create("/api/v1/public-decisions/" + command.decisionId()))
                .body(new RecordedResponse(command.decisionId().value(), recorded.publishBy(), recorded.defects()));
    }

    @Operation(operationId = "publishPublicDecision", summary = "Report that a decision was published")
    @PostMapping("/api/v1/public-decisions/{decisionId:" + UUID_PATTERN + "}/publication")
    @AllowedRoles({Role.ADMIN, Role.UNIT_CLERK})
    PublicationResponse publish(@PathVariable UUID decisionId, @Valid @RequestBody PublicationRequest request,
                                Caller caller, LedgerMetadata metadata) {
        if (request.publishedOn().isAfter(today())) {
            throw new InvalidInput(FieldProblem.of("publishedOn", "problem.field.not-future", today()));
        }
        UnitId publishedBy = caller.is(Role.ADMIN) ? null : new UnitId(caller.unitId());
        Boolean onTime = commands.send(new PublishDecisionCommand(new DecisionId(decisionId), request.publishedOn(),
                request.channel(), publishedBy), metadata);
        return new PublicationResponse(decisionId, request.publishedOn(), request.channel(), Boolean.TRUE.equals(onTime));
    }

    /** The request as a command, or 400 naming every missing or malformed field at once. */
    private RecordDecisionCommand command(RecordDecisionRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        if (isBlank(request.unitId())) {
            errors.add(FieldProblem.of("unitId", "problem.field.required"));
        } else if (!UnitId.isValid(request.unitId().strip())) {
            errors.add(FieldProblem.of("unitId", "unit.id.format"));
        }
        if (request.kind() == null) {
            errors.add(FieldProblem.of("kind", "problem.field.required"));
        }
        if (isBlank(request.decisionNo())) {
            errors.add(FieldProblem.of("decisionNo", "problem.field.required"));
        } else if (request.decisionNo().strip().length() > MAX_DECISION_NO) {
            errors.add(FieldProblem.of("decisionNo", "problem.field.max-length", MAX_DECISION_NO));
        }
        SubjectBody subject = request.subject() == null ? new SubjectBody(null, null, null) : request.subject();
        if (subject.kind() == null) {
            errors.add(FieldProblem.of("subject.kind", "problem.field.required"));
        }
        if (isBlank(subject.code())) {
            errors.add(FieldProblem.of("subject.code", "problem.field.required"));
        } else if (subject.code().strip().length() > MAX_CODE) {
            errors.add(FieldProblem.of("subject.code", "problem.field.max-length", MAX_CODE));
        }
        if (isBlank(subject.name())) {
            errors.add(FieldProblem.of("subject.name", "problem.field.required"));
        } else if (subject.name().strip().codePointCount(0, subject.name().strip().length()) > SubjectRef.MAX_NAME_LENGTH) {
            errors.add(FieldProblem.of("subject.name", "problem.field.max-length", SubjectRef.MAX_NAME_LENGTH));
        }
        if (request.decidedOn() == null) {
            errors.add(FieldProblem.of("decidedOn", "problem.field.required"));
        }
        if (isBlank(request.content())) {
            errors.add(FieldProblem.of("content", "problem.field.required"));
        } else if (request.content().length() > MAX_CONTENT) {
            errors.add(FieldProblem.of("content", "problem.field.max-length", MAX_CONTENT));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new RecordDecisionCommand(DecisionId.random(), new UnitId(request.unitId().strip()), request.kind(),
                request.decisionNo().strip(), new DecisionSubject(subject.kind(), subject.code(), subject.name()),
                request.decidedOn(), request.content().strip(), request.validFrom(), request.validUntil(), today());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PublicDecision.BUSINESS_ZONE));
    }
}
