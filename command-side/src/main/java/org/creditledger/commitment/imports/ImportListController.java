package org.creditledger.commitment.imports;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.web.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;
import org.creditledger.platform.i18n.Text;

/**
 * A unit's imports, newest first, with their counters: what a clerk needs to find an import again without keeping
 * its id. ADMIN and INSPECTOR see any unit's (every import when {@code unitId} is absent); a UNIT_CLERK its own
 * unit's only. An import belongs to the unit of the key that uploaded it; an ADMIN key's uploads belong to no unit.
 */
@RestController
class ImportListController {

    private final ImportJobStore store;

    ImportListController(ImportJobStore store) {
        this.store = store;
    }

    /** One import as listed; its rows are at {@code GET /commitments/imports/{importId}}. */
    record ImportSummary(UUID importId, String fileName, String unitId, String uploaderName, ImportJob.State state,
                         Integer total, int processed, int accepted, int rejected, Instant uploadedAt,
                         Instant startedAt, Instant finishedAt, String error) {
    }

    /** Pages count from 0; {@code size} is at most {@value Page#MAX_SIZE}. */
    @Operation(operationId = "listCommitmentImports", summary = "List a unit's imports")
    @GetMapping("/api/v1/commitments/imports")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK})
    Page<ImportSummary> list(@RequestParam(required = false) String unitId,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                             @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size,
                             Caller caller) {
        return list(ImportKind.LETTERS, unitId, page, size, caller);
    }

    /** The outcome imports, as {@link #list} the letter imports. */
    @Operation(operationId = "listCommitmentOutcomeImports", summary = "List a unit's outcome imports")
    @GetMapping("/api/v1/commitments/outcomes/imports")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK})
    Page<ImportSummary> listOutcomes(@RequestParam(required = false) String unitId,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                     @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size,
                                     Caller caller) {
        return list(ImportKind.OUTCOMES, unitId, page, size, caller);
    }

    private Page<ImportSummary> list(ImportKind kind, String unitId, int page, int size, Caller caller) {
        String unit = caller.unitToList(unitId, Text.of("imports.records"));
        Page<ImportJob> found = store.list(kind, unit, page, size);
        return new Page<>(found.items().stream().map(ImportListController::summary).toList(), found.page(), found.size(),
                found.totalItems());
    }

    private static ImportSummary summary(ImportJob job) {
        return new ImportSummary(job.importId(), job.fileName(), job.uploaderUnit(), job.uploaderName(), job.state(),
                job.total(), job.processed(), job.accepted(), job.rejected(), job.uploadedAt(), job.startedAt(),
                job.finishedAt(), job.error());
    }
}
