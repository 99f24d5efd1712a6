package org.creditledger.commitment.imports;

import io.swagger.v3.oas.annotations.Operation;
import org.creditledger.commitment.imports.ImportJobStore.ImportRowStatus;
import org.creditledger.commitment.imports.ImportJobStore.RowResult;
import org.creditledger.platform.access.AccessDenied;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.platform.i18n.Labels;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Bulk import of commitment letters, and of the outcomes of letters already posted, from CSV or XLSX (ADMIN,
 * UNIT_CLERK), processed in the background; progress and per-row results (ADMIN, INSPECTOR, the uploading UNIT_CLERK
 * key). Both kinds ({@link ImportKind}) answer alike: the handlers of one kind name it and share the rest. Row numbers are 1-based data rows, header excluded;
 * lines are the sheet's (header = line 1, blank lines counted). Row problems are worded in the reader's language.
 */
@RestController
class CommitmentImportController {

    static final int MAX_ROWS_LIMIT = 10_000;

    private final CommitmentImports imports;
    private final ImportJobStore store;
    private final Clock clock;
    private final Labels labels;

    CommitmentImportController(CommitmentImports imports, ImportJobStore store, Clock clock, Labels labels) {
        this.imports = imports;
        this.store = store;
        this.clock = clock;
        this.labels = labels;
    }

    record ImportAccepted(UUID importId, ImportJob.State state, Integer total) {
    }

    /** {@code row}: data row, header excluded (as since the first version); {@code line}: the sheet's line. */
    record RowView(int row, Integer line, ImportRowStatus status, UUID commitmentId, List<FieldProblem> errors) {
    }

    record ImportView(UUID importId, String fileName, ImportJob.State state, Integer total, int processed, int accepted,
                      int rejected, Instant uploadedAt, Instant startedAt, Instant finishedAt, Double rowsPerSecond,
                      String error, int rowsFrom, int rowsLimit, ImportRowStatus rowStatus, List<RowView> rows,
                      Integer nextRowsFrom) {
    }

    /**
     * 202 for a new import, {@code QUEUED}: the file is stored, not yet parsed ({@code total} comes once the worker
     * has counted the rows); 200 with the existing import when the same file was uploaded before in the same scope.
     */
    @Operation(operationId = "importCommitments", summary = "Import commitment letters from CSV or XLSX")
    @PostMapping(path = "/api/v1/commitments/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @AllowedRoles({Role.ADMIN, Role.UNIT_CLERK})
    ResponseEntity<ImportAccepted> upload(@RequestParam(name = "file", required = false) MultipartFile file,
                                          Caller caller, LedgerMetadata metadata) {
        return upload(ImportKind.LETTERS, file, caller, metadata);
    }

    /**
     * The outcomes (履约/违约) of letters already posted, one per row: a letter by {@code commitmentId} or by
     * {@code letterNo} of the caller's unit (an ADMIN names the unit in {@code unitId}), each row recorded as
     * {@code POST /commitments/{id}/outcome} would. Answers as the letter import.
     */
    @Operation(operationId = "importCommitmentOutcomes", summary = "Import outcomes of commitment letters from CSV or XLSX")
    @PostMapping(path = "/api/v1/commitments/outcomes/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @AllowedRoles({Role.ADMIN, Role.UNIT_CLERK})
    ResponseEntity<ImportAccepted> uploadOutcomes(@RequestParam(name = "file", required = false) MultipartFile file,
                                                  Caller caller, LedgerMetadata metadata) {
        return upload(ImportKind.OUTCOMES, file, caller, metadata);
    }

    private ResponseEntity<ImportAccepted> upload(ImportKind kind, MultipartFile file, Caller caller, LedgerMetadata metadata) {
        if (file == null) {
            throw new InvalidInput(new FieldProblem("file", "is required (multipart part 'file': a CSV or XLSX file)"));
        }
        CommitmentImports.Submitted submitted;
        try (InputStream upload = file.getInputStream()) {
            submitted = imports.submit(kind, file.getOriginalFilename(), upload, caller, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded file", e);
        }
        ImportJob job = submitted.job();
        return ResponseEntity.status(submitted.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create(kind.path() + "/" + job.importId()))
                .body(new ImportAccepted(job.importId(), job.state(), job.total()));
    }

    @Operation(operationId = "getCommitmentImport", summary = "Progress and result of an import")
    @GetMapping("/api/v1/commitments/imports/{importId}")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK})
    ImportView get(@PathVariable UUID importId,
                   @RequestParam(defaultValue = "1") int rowsFrom,
                   @RequestParam(defaultValue = "1000") int rowsLimit,
                   @RequestParam(required = false) String rowStatus,
                   Caller caller) {
        return view(ImportKind.LETTERS, importId, rowsFrom, rowsLimit, rowStatus, caller);
    }

    @Operation(operationId = "getCommitmentOutcomeImport", summary = "Progress and result of an outcome import")
    @GetMapping("/api/v1/commitments/outcomes/imports/{importId}")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.UNIT_CLERK})
    ImportView getOutcomes(@PathVariable UUID importId,
                           @RequestParam(defaultValue = "1") int rowsFrom,
                           @RequestParam(defaultValue = "1000") int rowsLimit,
                           @RequestParam(required = false) String rowStatus,
                           Caller caller) {
        return view(ImportKind.OUTCOMES, importId, rowsFrom, rowsLimit, rowStatus, caller);
    }

    private ImportView view(ImportKind kind, UUID importId, int rowsFrom, int rowsLimit, String rowStatus, Caller caller) {
        ImportJob job = imports.find(kind, importId).orElseThrow(() -> new ImportNotFound(importId));
        if (caller.is(Role.UNIT_CLERK) && !caller.keyId().equals(job.uploaderKeyId())) {
            throw new AccessDenied("A UNIT_CLERK key may read only the imports it uploaded.");
        }
        if (rowsFrom < 1) {
            throw new InvalidInput(new FieldProblem("rowsFrom", "must be at least 1"));
        }
        if (rowsLimit < 1 || rowsLimit > MAX_ROWS_LIMIT) {
            throw new InvalidInput(new FieldProblem("rowsLimit", "must be between 1 and " + MAX_ROWS_LIMIT));
        }
        ImportRowStatus status = status(rowStatus);
        List<RowResult> results = store.rows(importId, rowsFrom, rowsLimit, status);
        Locale locale = Labels.currentLocale();
        List<RowView> rows = results.stream()
                .map(r -> new RowView(r.row(), r.line(), r.status(), r.commitmentId(), r.errors().isEmpty() ? null
                        : r.errors().stream().map(p -> ImportRowMessages.inWords(p, labels, locale)).toList()))
                .toList();
        Integer next = results.size() == rowsLimit ? results.get(results.size() - 1).row() + 1 : null;
        return new ImportView(job.importId(), job.fileName(), job.state(), job.total(), job.processed(), job.accepted(),
                job.rejected(), job.uploadedAt(), job.startedAt(), job.finishedAt(), job.rowsPerSecond(clock.instant()),
                job.error(), rowsFrom, rowsLimit, status, rows, next);
    }

    /**
     * An XLSX template to fill: Chinese headers, code columns formatted as text, dropdowns for type and subject kind,
     * and a sheet explaining the columns with one example row (for a UNIT_CLERK, with its own unit).
     */
    @Operation(operationId = "getCommitmentImportTemplate", summary = "Excel template for commitment imports")
    @GetMapping(path = "/api/v1/commitments/imports/template.xlsx", produces = ImportTemplate.XLSX)
    @AllowedRoles({Role.ADMIN, Role.UNIT_CLERK})
    ResponseEntity<byte[]> template(Caller caller) {
        return template(ImportTemplate.LETTERS, caller);
    }

    /**
     * The outcome template: Chinese headers, the letter columns formatted as text, a dropdown of 履约/违约, date cells,
     * and a notes sheet with one example row (for a UNIT_CLERK, with its own unit).
     */
    @Operation(operationId = "getCommitmentOutcomeImportTemplate", summary = "Excel template for outcome imports")
    @GetMapping(path = "/api/v1/commitments/outcomes/imports/template.xlsx", produces = ImportTemplate.XLSX)
    @AllowedRoles({Role.ADMIN, Role.UNIT_CLERK})
    ResponseEntity<byte[]> outcomeTemplate(Caller caller) {
        return template(ImportTemplate.OUTCOMES, caller);
    }

    private ResponseEntity<byte[]> template(ImportTemplate template, Caller caller) {
        byte[] workbook = template.build(labels, caller.unitId(), LocalDate.now(clock.withZone(ImportWorker.BUSINESS_ZONE)));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ImportTemplate.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(template.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(workbook);
    }

    private static ImportRowStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ImportRowStatus.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(new FieldProblem("rowStatus", "'" + raw + "' is not one of ACCEPTED, REJECTED"));
        }
    }

    /** No import with this id. */
    static class ImportNotFound extends LedgerProblem {
        ImportNotFound(UUID importId) {
            super(ProblemType.NOT_FOUND, "No import " + importId + ".");
        }
    }
}
