package org.creditledger.commitment.query;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.creditledger.commitment.api.CommitmentStatus;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.Page;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.readmodel.ProjectionCatchUp;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.creditledger.platform.i18n.Text;

/**
 * The current view of one commitment, a paged list of a unit's (or every unit's) letters, and a unit's follow-up.
 * ADMIN and INSPECTOR read every unit's; a UNIT_CLERK its own unit's only.
 */
@RestController
class CommitmentQueryController {

    /**
     * A commitment id in a path: only a UUID matches, so {@code /commitments/imports} and the paths below it reach
     * their own handlers instead of failing here as "cannot be read as UUID".
     */
    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final CommitmentQueries commitments;
    private final ProjectionCatchUp catchUp;
    private final Clock clock;

    CommitmentQueryController(CommitmentQueries commitments, ProjectionCatchUp catchUp, Clock clock) {
        this.commitments = commitments;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    @Operation(operationId = "getCommitment", summary = "Read a commitment letter")
    @GetMapping("/api/v1/commitments/{commitmentId:" + UUID_PATTERN + "}")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK})
    CommitmentView get(@PathVariable UUID commitmentId, Caller caller) {
        // waits for this commitment's own last event only: other clients' writes do not lengthen the wait
        catchUp.awaitAggregate(commitmentId.toString(), CommitmentProjection.PROCESSING_GROUP);
        CommitmentView view = commitments.find(commitmentId).orElseThrow(() -> new UnknownCommitment(commitmentId));
        caller.requireMayReadUnit(view.unitId(), Text.of("query.records.commitments"));
        return view;
    }

    /**
     * The letters that match, newest signing date first, one page at a time (pages count from 0, {@code size} at most
     * {@value Page#MAX_SIZE}). {@code unitId} absent: every unit for ADMIN and INSPECTOR, its own unit for a
     * UNIT_CLERK. {@code signedFrom}/{@code signedTo} are inclusive; {@code dueBefore} lists letters due before that
     * day (exclusive).
     */
    @Operation(operationId = "listCommitments", summary = "List a unit's commitment letters")
    @GetMapping("/api/v1/commitments")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK})
    Page<CommitmentView> list(@RequestParam(required = false) String unitId,
                              @RequestParam(required = false) CommitmentStatus status,
                              @RequestParam(required = false) CommitmentType type,
                              @RequestParam(required = false) String subjectCode,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedFrom,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedTo,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
                              @RequestParam(required = false) String letterNo,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                              @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size,
                              Caller caller) {
        String unit = caller.unitToList(unitId, Text.of("query.records.commitments"));
        if (signedFrom != null && signedTo != null && signedTo.isBefore(signedFrom)) {
            throw new InvalidInput(FieldProblem.of("signedTo", "query.signed-to-before-from", signedFrom.toString()));
        }
        String subject = blankToNull(subjectCode);
        catchUp.await(CommitmentProjection.PROCESSING_GROUP);
        return commitments.search(new CommitmentQueries.Filter(unit, status, type, subject == null ? null : subject.toUpperCase(),
                signedFrom, signedTo, dueBefore, blankToNull(letterNo)), page, size);
    }

    /**
     * A unit's follow-up (跟踪复核): letters due in the next 30 days, overdue, breached this year (Asia/Shanghai), and
     * the oldest overdue letters. A UNIT_CLERK reads its own unit's only.
     */
    @Operation(operationId = "getUnitFollowUp", summary = "A unit's letters to follow up")
    @GetMapping("/api/v1/units/{unitId}/follow-up")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK})
    FollowUp followUp(@PathVariable String unitId, Caller caller) {
        String unit = caller.unitToList(unitId, Text.of("query.records.commitments"));
        catchUp.await(CommitmentProjection.PROCESSING_GROUP);
        if (!commitments.unitExists(unit)) {
            throw new UnknownUnit(unit);
        }
        return commitments.followUp(unit, LocalDate.now(clock.withZone(SHANGHAI)), FollowUp.OLDEST_OVERDUE);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static class UnknownUnit extends LedgerProblem {
        UnknownUnit(String unitId) {
            super(ProblemType.NOT_FOUND, Text.of("query.unit.unknown", unitId));
        }
    }

    static class UnknownCommitment extends LedgerProblem {
        UnknownCommitment(UUID commitmentId) {
            super(ProblemType.NOT_FOUND, Text.of("query.commitment.unknown", commitmentId));
        }
    }
}
