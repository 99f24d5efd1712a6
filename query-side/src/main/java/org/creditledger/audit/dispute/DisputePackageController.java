package org.creditledger.audit.dispute;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.creditledger.audit.chain.DisputePackageWriter;
import org.creditledger.audit.timeline.SubjectTimeline;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.subject.InvalidSubjectCode;
import org.creditledger.subject.SubjectCode;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * 争议材料包: everything the ledger holds about a subject in one zip an outside party can verify offline — the
 * subject's events exactly as stored (its commitments, list entries, objections, repairs, exits, joint actions and
 * the counter checks about it), the hash-chain links from its first event to the current digest, and the verifier
 * ({@code java VerifyDisputePackage.java package.zip}). See {@code docs/audit-chain.md}.
 *
 * <p>The package is written to a temporary file first, so a failure (the chain not yet covering the newest events:
 * 409, retry shortly) is answered as a problem, never as a truncated zip.
 */
@RestController
class DisputePackageController {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final SubjectTimeline timeline;
    private final DisputePackageWriter writer;

    DisputePackageController(SubjectTimeline timeline, DisputePackageWriter writer) {
        this.timeline = timeline;
        this.writer = writer;
    }

    @Operation(operationId = "getDisputePackage", summary = "Download a subject's dispute package")
    @GetMapping(value = "/api/v1/subjects/{code}/dispute-package", produces = "application/zip")
    @ApiResponse(responseCode = "200", description = "The package (zip)",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR})
    ResponseEntity<StreamingResponseBody> disputePackage(@PathVariable String code) throws IOException {
        String subjectCode;
        try {
            subjectCode = new SubjectCode(code).value();
        } catch (InvalidSubjectCode e) {
            throw new InvalidInput(new FieldProblem("code", e.reason()));
        }
        Path file = Files.createTempFile("dispute-package-", ".zip");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                writer.write(out, subjectCode, timeline.globalIndexesAbout(subjectCode));
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        StreamingResponseBody body = out -> {
            try {
                Files.copy(file, out);
            } finally {
                Files.deleteIfExists(file);
            }
        };
        return ResponseEntity.ok()
                .contentType(ZIP)
                .contentLength(Files.size(file))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dispute-package-" + subjectCode.substring(0, 6) + "-" + file.getFileName().toString()
                                .replaceAll("\\D", "") + ".zip").build().toString())
                .body(body);
    }
}
