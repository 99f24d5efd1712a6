package org.creditledger.audit.timeline;

import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Role;
import org.creditledger.readmodel.ProjectionCatchUp;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/**
 * A subject's state as of an instant (INSPECTOR, ADMIN): what the ledger knew then. {@code asOf} defaults to now; a
 * future instant is refused, since the ledger cannot know what it has not recorded yet.
 */
@RestController
class SubjectStateController {

    private final SubjectStates states;
    private final ProjectionCatchUp catchUp;
    private final Clock clock;

    SubjectStateController(SubjectStates states, ProjectionCatchUp catchUp, Clock clock) {
        this.states = states;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    @GetMapping("/api/v1/subjects/{code}/state")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR})
    SubjectState subjectState(@PathVariable String code, @RequestParam(required = false) String asOf) {
        Instant now = clock.instant();
        AuditParameters parameters = new AuditParameters();
        String subjectCode = parameters.subjectCode("code", code);
        Instant at = parameters.instant("asOf", asOf);
        if (at != null && at.isAfter(now)) {
            parameters.problem("asOf", "must not be in the future (now is " + now + ")");
        }
        parameters.requireValid();
        Instant instant = at == null ? now : at;
        // The position first, then the wait: the timeline then holds every event up to it, and the answer counts
        // exactly the events up to it that were recorded by the instant.
        long ledgerPosition = states.ledgerPosition(instant);
        catchUp.await(SubjectTimelineProjection.PROCESSING_GROUP);
        return new SubjectState(subjectCode, instant, ledgerPosition, states.openCommitments(subjectCode, instant, ledgerPosition));
    }
}
