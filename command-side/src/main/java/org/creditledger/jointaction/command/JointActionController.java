package org.creditledger.jointaction.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.creditledger.catalogue.api.MeasureCode;
import org.creditledger.jointaction.api.JointActionId;
import org.creditledger.jointaction.api.JointActionMessages.RecordJointActionCommand;
import org.creditledger.listing.api.EntryId;
import org.creditledger.platform.access.AccessDenied;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.axon.LedgerCommands;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.command.KnownUnits;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Recording joint reward and punishment cases (联合奖惩案例): UNIT_CLERK for its own unit, ADMIN. The entry and the
 * measure are looked up on the command side and their facts go into the command.
 */
@RestController
class JointActionController {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private final LedgerCommands commands;
    private final KnownUnits knownUnits;
    private final JointActionLookups lookups;
    private final Clock clock;

    JointActionController(LedgerCommands commands, KnownUnits knownUnits, JointActionLookups lookups, Clock clock) {
        this.commands = commands;
        this.knownUnits = knownUnits;
        this.lookups = lookups;
        this.clock = clock;
    }

    record RecordJointActionRequest(String entryId, String measureCode, String unitId, String matter, LocalDate takenOn,
                                    String result) {
    }

    record JointActionRecordedResponse(UUID jointActionId) {
    }

    private record Parsed(EntryId entryId, MeasureCode measureCode, UnitId unitId) {
    }

    @Operation(operationId = "recordJointAction", summary = "Record a joint reward or punishment case")
    @PostMapping("/api/v1/joint-actions")
    @ApiResponse(responseCode = "201", description = "Recorded; Location names the new case")
    @AllowedRoles({Role.ADMIN, Role.UNIT_CLERK})
    ResponseEntity<JointActionRecordedResponse> recordJointAction(@RequestBody RecordJointActionRequest request, Caller caller,
                                            LedgerMetadata metadata) {
        Parsed parsed = parse(request);
        if (!caller.mayActForUnit(parsed.unitId().value())) {
            throw new AccessDenied("A UNIT_CLERK key may record cases for its own unit " + caller.unitId() + " only.");
        }
        knownUnits.require(parsed.unitId(), "unitId");
        JointActionLookups.Entry entry = lookups.entry(parsed.entryId())
                .orElseThrow(() -> JointActionRefused.unknownEntry(parsed.entryId()));
        JointActionLookups.Measure measure = lookups.measure(parsed.measureCode())
                .orElseThrow(() -> new JointActionRefused("measureCode", "Measure " + parsed.measureCode()
                        + " is not in the catalogue.", "unknown measure " + parsed.measureCode()));
        if (!measure.listCodes().contains(entry.listCode())) {
            throw new JointActionRefused("measureCode", "Measure " + measure.measureCode() + " does not apply to list "
                    + entry.listCode() + "; it applies to " + measure.listCodes() + ".",
                    "does not apply to list " + entry.listCode());
        }
        // Checked again, under a lock, in the transaction that stores the case (JointActionLookups): an exit stored
        // between this read and that transaction refuses the case there.
        entry.notInForceOn(request.takenOn()).ifPresent(reason -> {
            throw JointActionRefused.notInForce(request.takenOn(), reason);
        });
        JointActionId id = JointActionId.random();
        commands.send(new RecordJointActionCommand(id, entry.entryId(), entry.listCode(), entry.subjectCode(),
                measure.measureCode(), measure.kind(), measure.domain(), measure.version(), parsed.unitId(),
                request.matter(), request.takenOn(), request.result()), metadata);
        return ResponseEntity.created(URI.create("/api/v1/joint-actions/" + id)).body(new JointActionRecordedResponse(id.value()));
    }

    /** Every problem of the body at once (400), before anything is looked up. */
    private Parsed parse(RecordJointActionRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        EntryId entryId = null;
        if (isBlank(request.entryId())) {
            errors.add(new FieldProblem("entryId", "is required"));
        } else {
            try {
                entryId = EntryId.parse(request.entryId().strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldProblem("entryId", "is not a UUID"));
            }
        }
        MeasureCode measureCode = null;
        if (isBlank(request.measureCode())) {
            errors.add(new FieldProblem("measureCode", "is required"));
        } else if (!MeasureCode.isValid(request.measureCode())) {
            errors.add(new FieldProblem("measureCode", MeasureCode.RULE));
        } else {
            measureCode = new MeasureCode(request.measureCode());
        }
        UnitId unitId = null;
        if (isBlank(request.unitId())) {
            errors.add(new FieldProblem("unitId", "is required"));
        } else if (!UnitId.isValid(request.unitId())) {
            errors.add(new FieldProblem("unitId", "is not a valid unit id"));
        } else {
            unitId = new UnitId(request.unitId());
        }
        text(errors, "matter", request.matter(), JointAction.MAX_MATTER);
        text(errors, "result", request.result(), JointAction.MAX_RESULT);
        LocalDate today = LocalDate.now(clock.withZone(BUSINESS_ZONE));
        if (request.takenOn() == null) {
            errors.add(new FieldProblem("takenOn", "is required"));
        } else if (request.takenOn().isAfter(today)) {
            errors.add(new FieldProblem("takenOn", "must not be in the future (today is " + today + " in Asia/Shanghai)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Parsed(entryId, measureCode, unitId);
    }

    private static void text(List<FieldProblem> errors, String field, String value, int max) {
        if (isBlank(value)) {
            errors.add(new FieldProblem(field, "is required"));
        } else if (value.strip().length() > max) {
            errors.add(new FieldProblem(field, "must have at most " + max + " characters"));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
