package org.creditledger.commitment.query;

import io.swagger.v3.oas.annotations.Operation;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.readmodel.ProjectionCatchUp;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;
import org.creditledger.platform.i18n.Text;

/** The current view of one commitment (ADMIN, INSPECTOR; UNIT_CLERK for its own unit's commitments). */
@RestController
class CommitmentQueryController {

    private final CommitmentQueries commitments;
    private final ProjectionCatchUp catchUp;

    CommitmentQueryController(CommitmentQueries commitments, ProjectionCatchUp catchUp) {
        this.commitments = commitments;
        this.catchUp = catchUp;
    }

    @Operation(operationId = "getCommitment", summary = "Read a commitment letter")
    @GetMapping("/api/v1/commitments/{commitmentId}")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK})
    CommitmentView get(@PathVariable UUID commitmentId, Caller caller) {
        // waits for this commitment's own last event only: other clients' writes do not lengthen the wait
        catchUp.awaitAggregate(commitmentId.toString(), CommitmentProjection.PROCESSING_GROUP);
        CommitmentView view = commitments.find(commitmentId).orElseThrow(() -> new UnknownCommitment(commitmentId));
        caller.requireMayReadUnit(view.unitId(), Text.of("query.records.commitments"));
        return view;
    }

    static class UnknownCommitment extends LedgerProblem {
        UnknownCommitment(UUID commitmentId) {
            super(ProblemType.NOT_FOUND, Text.of("query.commitment.unknown", commitmentId));
        }
    }
}
