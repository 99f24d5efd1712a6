package org.creditledger.access;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.LedgerHttpTest;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Keys over their whole life: issued (bound to things that exist, maybe expiring), listed without secrets, revoked. */
class ApiKeyLifecycleApiTest extends LedgerHttpTest {

    static final String AUTHORITY = "广元市生态环境局";

    Api admin;
    UUID adminKeyId;
    Api inspector;
    String unitId;

    @BeforeEach
    void setUp() {
        String adminSecret = keys().admin();
        admin = api().as(adminSecret);
        adminKeyId = apiKeys.authenticate(adminSecret).orElseThrow().keyId();
        inspector = api().as(keys().inspector());
        unitId = "gy-keys-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.put("/api/v1/units/" + unitId, Map.of("name", "市生态环境局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
    }

    @Test
    void theListShowsEveryKeyNewestFirstAndNeverASecret() {
        Api.Response older = issue(Map.of("name", "苍溪县 窗口", "role", "COUNTER", "unitId", unitId));
        Instant olderCreated = Instant.parse(older.json().path("createdAt").asText());
        await().atMost(Duration.ofSeconds(1)).until(() -> Instant.now().isAfter(olderCreated.plusMillis(1)));
        Instant expiresAt = Instant.now().plus(Duration.ofDays(90)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Api.Response newer = issue(Map.of("name", "市生态环境局 信用承诺录入 王五", "role", "UNIT_CLERK", "unitId", unitId,
                "expiresAt", expiresAt.toString()));
        String secret = newer.json().path("secret").asText();
        assertThat(newer.json().path("expiresAt").asText()).isEqualTo(expiresAt.toString());

        Api.Response listed = inspector.get("/api/v1/admin/api-keys?size=2");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        JsonNode page = listed.json();
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(2);
        assertThat(page.path("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        List<JsonNode> items = StreamSupport.stream(page.path("items").spliterator(), false).toList();
        assertThat(items).extracting(i -> i.path("keyId").asText())
                .containsExactly(newer.json().path("keyId").asText(), older.json().path("keyId").asText());
        JsonNode clerk = items.get(0);
        assertThat(clerk.path("name").asText()).isEqualTo("市生态环境局 信用承诺录入 王五");
        assertThat(clerk.path("role").asText()).isEqualTo("UNIT_CLERK");
        assertThat(clerk.path("unitId").asText()).isEqualTo(unitId);
        assertThat(clerk.path("createdBy").asText()).isEqualTo(adminKeyId.toString());
        assertThat(Instant.parse(clerk.path("expiresAt").asText())).isEqualTo(expiresAt);
        assertThat(clerk.has("revokedAt")).isFalse();

        String everything = admin.get("/api/v1/admin/api-keys?size=500").text();
        assertThat(everything).doesNotContain(secret).doesNotContain("\"secret").doesNotContain("hash")
                .doesNotContain(HexFormat.of().formatHex(sha256(secret)))
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(sha256(secret)));
    }

    @Test
    void pagesAreBounded() {
        assertProblem(inspector.get("/api/v1/admin/api-keys?size=501"), 400, "validation");
        assertProblem(inspector.get("/api/v1/admin/api-keys?size=0"), 400, "validation");
        assertThat(inspector.get("/api/v1/admin/api-keys").json().path("size").asInt()).isEqualTo(50);
    }

    @Test
    void aRevokedKeyIsRefusedFromTheNextRequestOnAndStaysRefused() {
        Api.Response issued = issue(Map.of("name", "市生态环境局 录入", "role", "UNIT_CLERK", "unitId", unitId));
        String keyId = issued.json().path("keyId").asText();
        Api clerk = api().as(issued.json().path("secret").asText());
        assertThat(clerk.get("/api/v1/units").status()).as("used once, so its lookup is cached").isEqualTo(200);

        assertThat(delete(admin, "/api/v1/admin/api-keys/" + keyId).status()).isEqualTo(204);

        Api.Response refused = clerk.get("/api/v1/units");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:unauthenticated");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> clerk.get("/api/v1/units").status() == 401);
        assertThat(delete(admin, "/api/v1/admin/api-keys/" + keyId).status()).as("revoking again changes nothing").isEqualTo(204);

        JsonNode listed = find(keyId);
        assertThat(listed.path("revokedAt").asText()).isNotEmpty();
        assertThat(listed.path("revokedBy").asText()).isEqualTo(adminKeyId.toString());
    }

    @Test
    void revokingAnUnknownKeyIs404AndOnlyAnAdminMayRevoke() {
        assertProblem(delete(admin, "/api/v1/admin/api-keys/" + UUID.randomUUID()), 404, "not-found");
        assertProblem(delete(admin, "/api/v1/admin/api-keys/not-a-uuid"), 400, "validation");
        String keyId = issue(Map.of("name", "检查", "role", "COUNTER")).json().path("keyId").asText();
        assertProblem(delete(inspector, "/api/v1/admin/api-keys/" + keyId), 403, "forbidden");
        assertThat(find(keyId).has("revokedAt")).isFalse();
    }

    @Test
    void anExpiredKeyIsRefusedEvenThoughItsLookupIsCached() {
        Api.Response issued = issue(Map.of("name", "临时 窗口", "role", "COUNTER", "expiresAt", Instant.now().plusSeconds(2).toString()));
        Api counter = api().as(issued.json().path("secret").asText());
        assertThat(counter.get("/api/v1/units").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> counter.get("/api/v1/units").status() == 401);
    }

    @Test
    void anExpiryInThePastIsRefusedAndWritesNothing() {
        long before = events();
        long keys = storedKeys();
        Api.Response refused = admin.post("/api/v1/admin/api-keys", Map.of("name", "过期", "role", "COUNTER",
                "expiresAt", Instant.now().minusSeconds(60).toString()));
        assertProblem(refused, 400, "validation");
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("expiresAt");
        assertProblem(admin.post("/api/v1/admin/api-keys", Map.of("name", "过期", "role", "COUNTER", "expiresAt", "tomorrow")), 400, "validation");
        assertThat(events()).isEqualTo(before);
        assertThat(storedKeys()).isEqualTo(keys);
    }

    @Test
    void aKeyBoundToAnUnknownUnitOrAuthorityIsRefusedAndWritesNothing() {
        long before = events();
        long keys = storedKeys();
        Api.Response unknownUnit = admin.post("/api/v1/admin/api-keys", Map.of("name", "录入", "role", "UNIT_CLERK", "unitId", "gy-no-such-unit"));
        assertProblem(unknownUnit, 422, "unprocessable");
        assertThat(unknownUnit.json().path("errors").findValuesAsText("field")).containsExactly("unitId");
        Api.Response unknownCounterUnit = admin.post("/api/v1/admin/api-keys", Map.of("name", "窗口", "role", "COUNTER", "unitId", "gy-no-such-unit"));
        assertProblem(unknownCounterUnit, 422, "unprocessable");
        Api.Response unknownAuthority = admin.post("/api/v1/admin/api-keys", Map.of("name", "认定", "role", "LIST_AUTHORITY",
                "authority", "不存在的认定部门 " + UUID.randomUUID()));
        assertProblem(unknownAuthority, 422, "unprocessable");
        assertThat(unknownAuthority.json().path("errors").findValuesAsText("field")).containsExactly("authority");
        assertThat(events()).isEqualTo(before);
        assertThat(storedKeys()).isEqualTo(keys);

        String listCode = "KEYS_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(admin.put("/api/v1/lists/" + listCode, Map.of("name", "环境违法失信名单", "colour", "BLACK", "authority", AUTHORITY,
                "legalBasis", "《企业环境信用评价办法》", "periodMonths", 24, "earlyRepairAllowed", true)).status()).isEqualTo(201);
        assertThat(issue(Map.of("name", "认定", "role", "LIST_AUTHORITY", "authority", AUTHORITY)).json().path("authority").asText())
                .isEqualTo(AUTHORITY);
    }

    @Test
    void issuingAndRevokingAreRecordedWithWhoAndWhenForInspectors() {
        Api.Response issued = issue(Map.of("name", "市生态环境局 录入 赵六", "role", "UNIT_CLERK", "unitId", unitId));
        String keyId = issued.json().path("keyId").asText();
        String secret = issued.json().path("secret").asText();
        assertThat(delete(admin, "/api/v1/admin/api-keys/" + keyId).status()).isEqualTo(204);

        Api.Response history = inspector.get("/api/v1/aggregates/" + keyId + "/events");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        JsonNode events = history.json();
        assertThat(events).hasSize(2);
        JsonNode issuedEvent = events.get(0);
        assertThat(issuedEvent.path("payloadType").asText()).endsWith("ApiKeyIssuedEvent");
        assertThat(issuedEvent.path("payload").path("role").asText()).isEqualTo("UNIT_CLERK");
        assertThat(issuedEvent.path("payload").path("unitId").asText()).isEqualTo(unitId);
        assertThat(issuedEvent.path("payload").path("issuedBy").asText()).isEqualTo(adminKeyId.toString());
        assertThat(issuedEvent.path("metaData").path("principal").asText()).isEqualTo(adminKeyId.toString());
        assertThat(Instant.parse(issuedEvent.path("timeStamp").asText())).isEqualTo(Instant.parse(issued.json().path("createdAt").asText()));
        JsonNode revokedEvent = events.get(1);
        assertThat(revokedEvent.path("payloadType").asText()).endsWith("ApiKeyRevokedEvent");
        assertThat(revokedEvent.path("payload").path("revokedBy").asText()).isEqualTo(adminKeyId.toString());
        assertThat(revokedEvent.path("metaData").path("principal").asText()).isEqualTo(adminKeyId.toString());
        assertThat(Instant.parse(revokedEvent.path("timeStamp").asText())).isEqualTo(Instant.parse(find(keyId).path("revokedAt").asText()));

        assertThat(history.text()).doesNotContain(secret).doesNotContain("secret").doesNotContain("hash");
        assertThat(delete(admin, "/api/v1/admin/api-keys/" + keyId).status()).isEqualTo(204);
        assertThat(inspector.get("/api/v1/aggregates/" + keyId + "/events").json()).as("a repeated revocation records nothing").hasSize(2);
    }

    private Api.Response issue(Map<String, Object> body) {
        Api.Response response = admin.post("/api/v1/admin/api-keys", new HashMap<>(body));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private JsonNode find(String keyId) {
        for (JsonNode item : admin.get("/api/v1/admin/api-keys?size=500").json().path("items")) {
            if (item.path("keyId").asText().equals(keyId)) {
                return item;
            }
        }
        throw new AssertionError("key " + keyId + " is not listed");
    }

    /** A retried issue must neither create a second key nor find the first one's secret kept for its replay. */
    @Test
    void aNewKeysSecretIsNeverKeptForAnIdempotentRetry() {
        String idempotencyKey = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("name", "窗口 " + idempotencyKey, "role", "COUNTER");
        long before = storedKeys();
        Api.Response first = admin.exchange(HttpMethod.POST, "/api/v1/admin/api-keys", request, h -> h.set("Idempotency-Key", idempotencyKey));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String secret = first.json().path("secret").asText();

        Api.Response retry = admin.exchange(HttpMethod.POST, "/api/v1/admin/api-keys", request, h -> h.set("Idempotency-Key", idempotencyKey));
        assertProblem(retry, 409, "idempotent-request-unanswered");
        assertThat(retry.text()).doesNotContain(secret);
        assertThat(storedKeys()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from idempotent_request where position(convert_to(?, 'UTF8') in coalesce(response_body, ''::bytea)) > 0")
                .param(secret).query(Long.class).single()).isZero();
    }

    private long storedKeys() {
        return jdbc.sql("select count(*) from api_key").query(Long.class).single();
    }

    private static Api.Response delete(Api as, String path) {
        return as.exchange(HttpMethod.DELETE, path, null, h -> { });
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:" + type);
    }

    private static byte[] sha256(String secret) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
