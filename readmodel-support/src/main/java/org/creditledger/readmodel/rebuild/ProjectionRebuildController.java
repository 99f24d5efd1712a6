package org.creditledger.readmodel.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Projection rebuilds (ADMIN): which projections can be rebuilt and where their processors stand, start a rebuild,
 * follow its progress. A rebuild replays every event into new tables and switches them in; the read endpoints keep
 * answering from the old tables until the switch.
 */
@RestController
class ProjectionRebuildController {

    private final ProjectionRebuilds rebuilds;
    private final Clock clock;

    ProjectionRebuildController(ProjectionRebuilds rebuilds, Clock clock) {
        this.rebuilds = rebuilds;
        this.clock = clock;
    }

    /**
     * @param totalEvents     events in the store when the rebuild began
     * @param processedEvents events replayed so far, those appended during the rebuild included
     * @param position        global index of the last event replayed; when DONE, where the processor resumed
     */
    record RebuildView(UUID rebuildId, String name, RebuildJob.State state, long processedEvents, long totalEvents,
                       Long position, Double eventsPerSecond, Instant startedAt, Instant finishedAt, String error,
                       String requestedBy) {
    }

    @Operation(operationId = "listProjections", summary = "List projections and their positions")
    @GetMapping("/api/v1/admin/projections")
    @AllowedRoles(Role.ADMIN)
    List<ProjectionRebuilds.ProjectionStatus> projections() {
        return rebuilds.projections();
    }

    /** 202: the rebuild runs in the background; follow it at {@code Location}. 409 while one of it runs. */
    @Operation(operationId = "rebuildProjection", summary = "Rebuild a projection")
    @PostMapping("/api/v1/admin/projections/{name}/rebuild")
    @AllowedRoles(Role.ADMIN)
    ResponseEntity<RebuildView> rebuildProjection(@PathVariable String name, Caller caller) {
        RebuildJob job = rebuilds.rebuild(name, caller);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/admin/projections/" + name + "/rebuild"))
                .body(view(job));
    }

    /** The latest rebuild of the projection; 404 if it was never rebuilt. */
    @Operation(operationId = "getProjectionRebuild", summary = "Progress of a projection's rebuild")
    @GetMapping("/api/v1/admin/projections/{name}/rebuild")
    @AllowedRoles(Role.ADMIN)
    RebuildView projectionRebuild(@PathVariable String name) {
        return view(rebuilds.latest(name).orElseThrow(() -> new NeverRebuilt(name)));
    }

    private RebuildView view(RebuildJob job) {
        return new RebuildView(job.rebuildId(), job.name(), job.state(), job.processedEvents(), job.totalEvents(),
                job.position(), job.eventsPerSecond(clock.instant()), job.startedAt(), job.finishedAt(), job.error(),
                job.requestedBy());
    }

    static class NeverRebuilt extends LedgerProblem {
        NeverRebuilt(String name) {
            super(ProblemType.NOT_FOUND, "Projection '" + name + "' has not been rebuilt yet.");
        }
    }
}
