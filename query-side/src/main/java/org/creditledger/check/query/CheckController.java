package org.creditledger.check.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.check.api.CheckMessages.SubjectCheckedEvent;
import org.creditledger.platform.access.AccessDenied;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.readmodel.ProjectionCatchUp;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.creditledger.platform.i18n.Text;

/**
 * Counter checks (嵌入政务服务的信用核查): a government service counter asks, before granting a service, whether a
 * subject is on a red or black list and which measures apply to the service's domain; every answer is recorded
 * before it is returned and can be read back unchanged. A natural person's 身份证 number is shown to COUNTER keys
 * masked (first 6 + {@code ********} + last 4); INSPECTOR and ADMIN see it in full.
 */
@RestController
class CheckController {

    static final int MAX_BATCH = 1000;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final CounterChecks checks;
    private final CheckReceipts receipts;
    private final CheckStats stats;
    private final ProjectionCatchUp catchUp;
    private final BatchRateLimit batchRate;
    private final Clock clock;

    CheckController(CounterChecks checks, CheckReceipts receipts, CheckStats stats, ProjectionCatchUp catchUp,
                    BatchRateLimit batchRate, Clock clock) {
        this.batchRate = batchRate;
        this.checks = checks;
        this.receipts = receipts;
        this.stats = stats;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    /**
     * {@code asOf}: an ISO-8601 instant with offset; the answer the ledger would have given then, from everything
     * recorded by then. {@code asOfPosition}: the answer from the ledger up to this global index (a recorded check's
     * {@code ledgerPosition}), judged on the day of {@code asOf} (or today): what that check read, even when its
     * projection had not yet processed every event recorded before it.
     */
    record CheckRequest(String subjectCode, String domain, String matter, String asOf,
                        @Schema(description = "Answer from the ledger up to this global index (a recorded check's ledgerPosition)")
                        Long asOfPosition) {

        CounterChecks.Question question() {
            return new CounterChecks.Question(subjectCode, domain, matter, asOf, asOfPosition);
        }
    }

    record BatchRequest(List<CheckRequest> items) {
    }

    /** One item of a batch, by its position in the request: its receipt, or the reasons it was not checked. */
    record BatchItem(int index, CheckReceipt check, List<FieldProblem> errors) {
    }

    record BatchResponse(int checked, int rejected, List<BatchItem> results) {
    }

    @Operation(operationId = "checkSubject", summary = "Check a subject for a matter (counter check)")
    @PostMapping("/api/v1/checks")
    @ApiResponse(responseCode = "201", description = "Checked and recorded; Location names the receipt")
    @AllowedRoles({Role.COUNTER, Role.INSPECTOR, Role.ADMIN})
    ResponseEntity<CheckReceipt> check(@RequestBody CheckRequest request, Caller caller, LedgerMetadata metadata) {
        SubjectCheckedEvent answer = checks.check(request.question(), caller.unitId(), metadata);
        return ResponseEntity.created(URI.create("/api/v1/checks/" + answer.checkId()))
                .body(shownTo(caller, answer, metadata.principal()));
    }

    /**
     * Up to {@value #MAX_BATCH} checks at once; an invalid item is reported on its own and the others are checked.
     * Each key may ask for {@code ledger.check.batch-rate} checks per minute this way (every item counts); beyond that,
     * 429 with {@code Retry-After}, and nothing is checked or recorded.
     */
    @Operation(operationId = "checkSubjects", summary = "Check several subjects at once")
    @PostMapping("/api/v1/checks/batch")
    @ApiResponse(responseCode = "200", description = "Each item's receipt or the reasons it was not checked, in request order")
    @ApiResponse(responseCode = "429", description = "This key's batch checks per minute are used up; nothing was checked",
            headers = @Header(name = "Retry-After", description = "Seconds until the batch would be allowed", schema = @Schema(type = "integer")),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @AllowedRoles({Role.COUNTER, Role.INSPECTOR, Role.ADMIN})
    BatchResponse checkBatch(@RequestBody BatchRequest request, Caller caller, LedgerMetadata metadata) {
        if (request.items() == null || request.items().isEmpty()) {
            throw new InvalidInput(FieldProblem.of("items", "query.checks.empty"));
        }
        if (request.items().size() > MAX_BATCH) {
            throw new InvalidInput(FieldProblem.of("items", "query.checks.too-many", request.items().size(), MAX_BATCH));
        }
        batchRate.take(caller.keyId(), request.items().size());
        List<CounterChecks.Question> questions = request.items().stream()
                .map(item -> item == null ? new CounterChecks.Question(null, null, null, null) : item.question())
                .toList();
        List<CounterChecks.ItemResult> results = checks.checkAll(questions, caller.unitId(), metadata);
        List<BatchItem> items = new ArrayList<>(results.size());
        int checked = 0;
        for (int i = 0; i < results.size(); i++) {
            CounterChecks.ItemResult result = results.get(i);
            if (result.answer() != null) {
                checked++;
                items.add(new BatchItem(i, shownTo(caller, result.answer(), metadata.principal()), null));
            } else {
                items.add(new BatchItem(i, null, result.errors()));
            }
        }
        return new BatchResponse(checked, results.size() - checked, items);
    }

    /** A recorded check, unchanged. A COUNTER key reads the checks of its own unit (or its own, when unbound). */
    @Operation(operationId = "getCheckReceipt", summary = "Receipt of a counter check")
    @GetMapping("/api/v1/checks/{checkId}")
    @AllowedRoles({Role.COUNTER, Role.INSPECTOR, Role.ADMIN})
    CheckReceipt receipt(@PathVariable UUID checkId, Caller caller) {
        CheckReceipts.Recorded recorded = receipts.find(checkId).orElseThrow(() -> new UnknownCheck(checkId));
        if (caller.is(Role.COUNTER) && !mayCounterRead(caller, recorded)) {
            throw new AccessDenied(Text.of("query.checks.own-unit"));
        }
        return shownTo(caller, recorded.check(), recorded.checkedBy());
    }

    /**
     * Checks per counter unit and domain, by verdict, between {@code from} and {@code to} (dates in Asia/Shanghai,
     * inclusive; default: this year up to today).
     */
    @Operation(operationId = "getCheckStats", summary = "Counter check counts")
    @GetMapping("/api/v1/checks/stats")
    @AllowedRoles({Role.INSPECTOR, Role.ADMIN})
    CheckStats.Stats checkStats(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) String unitId,
                                @RequestParam(required = false) MeasureDomain domain) {
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        LocalDate first = from != null ? from : today.withDayOfYear(1);
        LocalDate last = to != null ? to : today;
        if (last.isBefore(first)) {
            throw new InvalidInput(FieldProblem.of("to", "query.to.before-from"));
        }
        catchUp.await(CheckStatsProjection.PROCESSING_GROUP);
        return stats.count(first, last, unitId == null || unitId.isBlank() ? null : unitId.strip(), domain);
    }

    private static boolean mayCounterRead(Caller caller, CheckReceipts.Recorded recorded) {
        if (caller.unitId() != null) {
            return caller.unitId().equals(recorded.check().counterUnit());
        }
        return recorded.check().counterUnit() == null && Objects.equals(caller.keyId().toString(), recorded.checkedBy());
    }

    private static CheckReceipt shownTo(Caller caller, SubjectCheckedEvent answer, String checkedBy) {
        return CheckReceipt.of(answer, checkedBy, caller.is(Role.COUNTER));
    }

    static class UnknownCheck extends LedgerProblem {
        UnknownCheck(UUID checkId) {
            super(ProblemType.NOT_FOUND, Text.of("query.check.unknown", checkId));
        }
    }
}
