package org.creditledger.audit.timeline;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.creditledger.check.query.CheckLookup;
import org.creditledger.check.query.CheckProjection;
import org.creditledger.check.query.LedgerHorizon;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.web.Page;
import org.creditledger.readmodel.ProjectionCatchUp;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A subject's state as of an instant (INSPECTOR, ADMIN): what the ledger knew then. {@code asOf} defaults to now; a
 * future instant is refused, since the ledger cannot know what it has not recorded yet. The open commitments come one
 * page at a time ({@code page} from 0, {@code size} up to {@value Page#MAX_SIZE}); the entries in force all at once.
 *
 * <p>The list entries come from the counter check's own lookup ({@link CheckLookup}) at the same horizon a check
 * {@code asOf} that instant uses, so the state shows the entries a counter was shown when it checked then.
 */
@RestController
class SubjectStateController {

    private final SubjectStates states;
    private final CheckLookup checks;
    private final ProjectionCatchUp catchUp;
    private final Clock clock;

    SubjectStateController(SubjectStates states, CheckLookup checks, ProjectionCatchUp catchUp, Clock clock) {
        this.states = states;
        this.checks = checks;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    @Operation(operationId = "getSubjectState", summary = "A subject's state as of an instant")
    @GetMapping("/api/v1/subjects/{code}/state")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR})
    SubjectState subjectState(@PathVariable String code, @RequestParam(required = false) String asOf,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                              @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        // Record times are kept to the millisecond: "now" is compared with them as a check's checkedAt is.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditParameters parameters = new AuditParameters();
        String subjectCode = parameters.subjectCode("code", code);
        Instant at = parameters.instant("asOf", asOf);
        if (at != null && at.isAfter(now)) {
            parameters.problem("asOf", "must not be in the future (now is " + now + ")");
        }
        parameters.requireValid();
        Instant instant = at == null ? now : at;
        long ledgerPosition = checks.lastRecordedBy(instant);
        catchUp.await(SubjectTimelineProjection.PROCESSING_GROUP, CheckProjection.PROCESSING_GROUP);
        return new SubjectState(subjectCode, instant, ledgerPosition,
                checks.entriesInForce(subjectCode, LedgerHorizon.recordedBy(instant)).stream().map(SubjectState.InForceEntry::of).toList(),
                states.openCommitments(subjectCode, instant, page, size));
    }
}
