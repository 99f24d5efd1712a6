package org.creditledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.catalogue.api.MeasureScope;
import org.creditledger.check.api.CheckId;
import org.creditledger.check.api.CheckMessages.AppliedMeasure;
import org.creditledger.check.api.CheckMessages.CheckedEntry;
import org.creditledger.check.api.CheckMessages.SubjectCheckedEvent;
import org.creditledger.check.api.Verdict;
import org.creditledger.listing.api.EntryId;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.springframework.http.HttpMethod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes through the HTTP API what the audit tests read back: a fresh unit with its clerk, a fresh black list of one
 * authority with a measure for it, and the keys behind them (whose ids the events' metadata must name). Each write
 * may send {@code X-Correlation-Id} and {@code Idempotency-Key}.
 */
final class AuditLedger {

    static final String AUTHORITY = "国家市场监督管理总局";

    final Api admin;
    final Api clerk;
    final Api authority;
    final Caller clerkKey;
    final Caller authorityKey;
    final String unit;
    final String listCode;
    final String measureCode;

    AuditLedger(Api api, ApiKeys apiKeys) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        unit = "gy-audit-" + suffix.toLowerCase();
        listCode = "AUDIT_SERIOUS_" + suffix;
        measureCode = "AUDIT_RESTRICT_PROCUREMENT_" + suffix;
        admin = api.as(apiKeys.issue("audit admin", Role.ADMIN, null, null, null).secret());
        ApiKeys.IssuedKey clerkIssued = apiKeys.issue("苍溪县市场监管局 clerk", Role.UNIT_CLERK, unit, null, null);
        ApiKeys.IssuedKey authorityIssued = apiKeys.issue("市场监管总局 authority", Role.LIST_AUTHORITY, null, AUTHORITY, null);
        clerk = api.as(clerkIssued.secret());
        clerkKey = clerkIssued.key();
        authority = api.as(authorityIssued.secret());
        authorityKey = authorityIssued.key();
        assertThat(admin.put("/api/v1/units/" + unit, Map.of("name", "苍溪县市场监督管理局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isIn(200, 201);
        assertThat(admin.put("/api/v1/lists/" + listCode, Map.of("name", "市场监督管理严重违法失信名单", "colour", "BLACK",
                "authority", AUTHORITY, "legalBasis", "《市场监督管理严重违法失信名单管理办法》(国家市场监督管理总局令第44号)",
                "periodMonths", 36, "earlyRepairAllowed", true, "minMonthsBeforeRepair", 0)).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/measures/" + measureCode, Map.of("name", "限制参加政府采购活动", "kind", "PUNISHMENT",
                "domain", "GOVERNMENT_PROCUREMENT", "scope", "NATIONAL_BASE", "legalBasis", "发改财金〔2016〕141号",
                "listCodes", List.of(listCode))).status()).isEqualTo(201);
    }

    static String freshUscc() {
        return SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
    }

    static String freshResidentId() {
        return SubjectCodes.residentIdFor(ThreadLocalRandom.current().nextLong(SubjectCodes.RESIDENT_ID_FOR_LIMIT));
    }

    /** A commitment letter for the subject; returns its id. */
    String postCommitment(String subjectCode, String dueDate, String correlationId, String idempotencyKey) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit);
        body.put("type", "NOTIFICATION_IN_LIEU_OF_CERTIFICATE");
        body.put("subject", Map.of("kind", "LEGAL_PERSON", "code", subjectCode, "name", "苍溪县某某食品有限公司"));
        body.put("matter", "食品经营许可");
        body.put("content", "承诺所提交材料真实有效");
        body.put("signedOn", "2025-03-01");
        body.put("dueDate", dueDate);
        return write(clerk, HttpMethod.POST, "/api/v1/commitments", body, correlationId, idempotencyKey).path("commitmentId").asText();
    }

    void recordOutcome(String commitmentId, String outcome, String correlationId, String idempotencyKey) {
        write(clerk, HttpMethod.POST, "/api/v1/commitments/" + commitmentId + "/outcome",
                Map.of("outcome", outcome, "occurredOn", "2025-06-30", "note", "按期履约"), correlationId, idempotencyKey);
    }

    /** Enters the subject on this ledger's list; returns the entry id. */
    String enterList(String subjectCode, String correlationId, String idempotencyKey) {
        Map<String, Object> body = new HashMap<>();
        body.put("listCode", listCode);
        body.put("subject", Map.of("kind", "LEGAL_PERSON", "code", subjectCode, "name", "苍溪县某某食品有限公司"));
        body.put("decisionNo", "广市监严失〔2025〕7号");
        body.put("decidedOn", "2025-04-02");
        body.put("reason", "因同一性质违法行为受到两次以上较重行政处罚");
        body.put("effectiveFrom", "2025-04-03");
        return write(authority, HttpMethod.POST, "/api/v1/list-entries", body, correlationId, idempotencyKey).path("entryId").asText();
    }

    String fileObjection(String entryId, LocalDate filedOn, String correlationId) {
        return write(authority, HttpMethod.POST, "/api/v1/list-entries/" + entryId + "/objections",
                Map.of("grounds", "处罚决定已被复议撤销", "filedOn", filedOn.toString()), correlationId, null).path("objectionId").asText();
    }

    void rejectObjection(String entryId, String objectionId, String correlationId) {
        write(authority, HttpMethod.POST, "/api/v1/list-entries/" + entryId + "/objections/" + objectionId + "/decision",
                Map.of("upheld", false, "reason", "复议维持原处罚决定"), correlationId, null);
    }

    String recordJointAction(String entryId, String correlationId, String idempotencyKey) {
        return write(clerk, HttpMethod.POST, "/api/v1/joint-actions", Map.of("entryId", entryId, "measureCode", measureCode,
                "unitId", unit, "matter", "县级政府采购项目投标资格审查", "takenOn", "2025-05-12", "result", "取消其投标资格"),
                correlationId, idempotencyKey).path("jointActionId").asText();
    }

    void exit(String entryId, String correlationId) {
        write(authority, HttpMethod.POST, "/api/v1/list-entries/" + entryId + "/exit",
                Map.of("reason", "REVOKED", "documentNo", "广市监撤〔2025〕3号", "note", "原处罚决定被撤销"), correlationId, null);
    }

    /**
     * A counter check about the subject, recorded the way the check endpoint records it: an event without an aggregate
     * whose identifier is the receipt id, with a counter key's metadata.
     */
    static CheckId check(EventGateway events, String subjectCode, EntryId entryId, String listCode, String correlationId) {
        CheckId checkId = CheckId.random();
        Instant checkedAt = Instant.now();
        SubjectCheckedEvent checked = new SubjectCheckedEvent(checkId, subjectCode, MeasureDomain.GOVERNMENT_PROCUREMENT,
                "政府采购投标资格审查", null, checkedAt, Verdict.RESTRICT,
                List.of(new CheckedEntry(entryId, listCode, ListColour.BLACK, AUTHORITY, "广市监严失〔2025〕7号",
                        LocalDate.parse("2025-04-03"), LocalDate.parse("2028-04-02"), false)),
                List.of(new AppliedMeasure("AUDIT_RESTRICT", 1, "限制参加政府采购活动", MeasureKind.PUNISHMENT,
                        MeasureScope.NATIONAL_BASE, "发改财金〔2016〕141号", List.of(listCode))),
                41L, "gy-government-service-centre");
        LedgerMetadata metadata = new LedgerMetadata("5a0c1c62-0000-4000-8000-00000000c0de", "政务服务中心窗口", "COUNTER",
                "gy-government-service-centre", null, correlationId, null, "POST /api/v1/checks");
        events.publish(new GenericEventMessage<>(checkId.toString(), checked, metadata.toMetaData(), checkedAt));
        return checkId;
    }

    static JsonNode write(Api as, HttpMethod method, String path, Object body, String correlationId, String idempotencyKey) {
        Api.Response response = as.exchange(method, path, body, headers -> {
            if (correlationId != null) {
                headers.set("X-Correlation-Id", correlationId);
            }
            if (idempotencyKey != null) {
                headers.set("Idempotency-Key", idempotencyKey);
            }
        });
        assertThat(response.status()).as(method + " " + path + ": " + response).isBetween(200, 201);
        return response.json();
    }
}
