package org.creditledger.audit.timeline;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Role;
import org.creditledger.readmodel.ProjectionCatchUp;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A subject's timeline for inspectors (INSPECTOR, ADMIN): every event about the subject in global order, with who
 * wrote it, when, in which role and unit, under which correlation id and client request id.
 *
 * <p>A valid code the ledger holds nothing about gets 200 with no items, not 404: the subject exists in the world
 * whether or not the ledger recorded anything about it, and "nothing was recorded" is exactly what an inspector needs to
 * be told (the same answer a counter check gives: CLEAR, no entries).
 */
@RestController
class SubjectTimelineController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;

    private final SubjectTimeline timeline;
    private final ProjectionCatchUp catchUp;

    SubjectTimelineController(SubjectTimeline timeline, ProjectionCatchUp catchUp) {
        this.timeline = timeline;
        this.catchUp = catchUp;
    }

    /**
     * {@code from} (inclusive) and {@code to} (exclusive) bound the record time, each an instant or a plain date
     * (Asia/Shanghai): {@code from=2025-03-01&to=2025-03-31} is the whole of March, both days included; {@code kind}
     * may be repeated or comma-separated; pages count from 0.
     */
    @Operation(operationId = "getSubjectTimeline", summary = "A subject's timeline")
    @GetMapping("/api/v1/subjects/{code}/timeline")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR})
    TimelinePage subjectTimeline(@PathVariable String code,
                          @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to,
                          @RequestParam(required = false) List<TimelineKind> kind,
                          @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                          @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        AuditParameters parameters = new AuditParameters();
        String subjectCode = parameters.subjectCode("code", code);
        Instant fromInstant = parameters.instantOrDay("from", from, false);
        Instant toInstant = parameters.instantOrDay("to", to, true);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            parameters.problem("to", "must be after from");
        }
        parameters.requireValid();
        Set<TimelineKind> kinds = EnumSet.noneOf(TimelineKind.class);
        if (kind != null) {
            kind.stream().filter(Objects::nonNull).forEach(kinds::add);   // "kind=" converts to null
        }
        if (kinds.isEmpty()) {
            kinds = EnumSet.allOf(TimelineKind.class);
        }
        catchUp.await(SubjectTimelineProjection.PROCESSING_GROUP);
        return timeline.page(subjectCode, fromInstant, toInstant, kinds, page, size);
    }
}
