package org.creditledger.commitment;

import org.creditledger.LedgerHttpTest;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CommitmentWriteApiTest extends LedgerHttpTest {


    Api api;
    String admin;
    String clerk;
    String unitId;

    @BeforeEach
    void setUp() {
        TestKeys keys = new TestKeys(apiKeys);
        api = Api.at(port);
        admin = keys.admin();
        unitId = "gy-market-regulation-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.as(admin).put("/api/v1/units/" + unitId, Map.of("name", "市市场监管局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
        clerk = keys.clerk(unitId);
    }

    Map<String, Object> letter(String code) {
        return Map.of("unitId", unitId, "type", "NOTIFICATION_IN_LIEU_OF_CERTIFICATE",
                "subject", Map.of("kind", "LEGAL_PERSON", "code", code, "name", "广元市某某建材有限公司"),
                "matter", "食品经营许可", "content", "本单位承诺所提交材料真实有效", "signedOn", "2025-03-01");
    }


    @Test
    void clerkPostsACommitmentAndRecordsItsOutcomeOnce() {
        Api.Response posted = api.as(clerk).post("/api/v1/commitments", letter("91110108MA01R7K44D"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        String id = posted.json().path("commitmentId").asText();
        assertThat(posted.json().path("status").asText()).isEqualTo("POSTED");
        assertThat(posted.json().path("recordedAt").asText()).isNotBlank();
        assertThat(posted.headers().getLocation()).hasToString("/api/v1/commitments/" + id);

        Api.Response outcome = api.as(clerk).post("/api/v1/commitments/" + id + "/outcome", Map.of("outcome", "FULFILLED", "occurredOn", "2025-04-01"));
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(200);
        assertThat(outcome.json().path("status").asText()).isEqualTo("FULFILLED");

        Api.Response second = api.as(clerk).post("/api/v1/commitments/" + id + "/outcome", Map.of("outcome", "BREACHED", "occurredOn", "2025-04-02"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:conflict");
    }

    @Test
    void wrongCheckDigitIsRefusedWithAFieldErrorAndWritesNothing() {
        long before = events();
        Api.Response r = api.as(clerk).post("/api/v1/commitments", letter("91110108MA01R7K44E"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("subject.code");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponse() {
        long before = events();
        String key = UUID.randomUUID().toString();
        Api.Response first = api.as(clerk).exchange(HttpMethod.POST, "/api/v1/commitments", json(letter("92440305MA5H3QW293")), h -> h.set("Idempotency-Key", key));
        Api.Response again = api.as(clerk).exchange(HttpMethod.POST, "/api/v1/commitments", json(letter("92440305MA5H3QW293")), h -> h.set("Idempotency-Key", key));
        assertThat(first.status()).as(first.toString()).isEqualTo(400); // a LEGAL_PERSON may not have a 92 code
        assertThat(again.status()).isEqualTo(400);
        Map<String, Object> valid = letter("91350100M000100Y43");
        Api.Response ok = api.as(clerk).exchange(HttpMethod.POST, "/api/v1/commitments", json(valid), h -> h.set("Idempotency-Key", key));
        Api.Response replay = api.as(clerk).exchange(HttpMethod.POST, "/api/v1/commitments", json(valid), h -> h.set("Idempotency-Key", key));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json()).isEqualTo(ok.json());
        assertThat(events()).isEqualTo(before + 1);
        Api.Response other = api.as(clerk).exchange(HttpMethod.POST, "/api/v1/commitments", json(letter("91110108MA01R7K44D")), h -> h.set("Idempotency-Key", key));
        assertThat(other.status()).isEqualTo(409);
    }

    @Test
    void everyEventRecordsWhoWroteItAndWhy() throws Exception {
        Api.Response posted = api.as(clerk).exchange(HttpMethod.POST, "/api/v1/commitments", json(letter("91110108MA01R7K44D")), h -> {
            h.set("Idempotency-Key", "client-req-42");
            h.set("X-Correlation-Id", "counter-window-7");
        });
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.headers().getFirst("X-Correlation-Id")).isEqualTo("counter-window-7");
        byte[] stored = jdbc.sql("select meta_data from domain_event_entry where aggregate_identifier = ?")
                .param(posted.json().path("commitmentId").asText()).query(byte[].class).single();
        com.fasterxml.jackson.databind.JsonNode metadata = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stored);
        UUID clerkKeyId = apiKeys.authenticate(clerk).orElseThrow().keyId();
        assertThat(metadata.path("principal").asText()).isEqualTo(clerkKeyId.toString());
        assertThat(metadata.path("role").asText()).isEqualTo("UNIT_CLERK");
        assertThat(metadata.path("unit").asText()).isEqualTo(unitId);
        assertThat(metadata.path("correlationId").asText()).isEqualTo("counter-window-7");
        assertThat(metadata.path("clientRequestId").asText()).isEqualTo("client-req-42");
        assertThat(metadata.path("request").asText()).isEqualTo("POST /api/v1/commitments");
    }

    @Test
    void aClerkCannotTouchAnotherUnitsCommitments() {
        String otherUnit = unitId + "-other";
        api.as(admin).put("/api/v1/units/" + otherUnit, Map.of("name", "市林业局", "kind", "MUNICIPAL_DEPARTMENT"));
        String otherClerk = new TestKeys(apiKeys).clerk(otherUnit);
        String id = api.as(clerk).post("/api/v1/commitments", letter("91110108MA01R7K44D")).json().path("commitmentId").asText();
        long before = events();
        Api.Response outcome = api.as(otherClerk).post("/api/v1/commitments/" + id + "/outcome", Map.of("outcome", "BREACHED", "occurredOn", "2025-04-01"));
        assertThat(outcome.status()).isEqualTo(403);
        Map<String, Object> forOtherUnit = new java.util.HashMap<>(letter("91110108MA01R7K44D"));
        forOtherUnit.put("unitId", otherUnit);
        assertThat(api.as(clerk).post("/api/v1/commitments", forOtherUnit).status()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
    }

    private static String json(Object body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
