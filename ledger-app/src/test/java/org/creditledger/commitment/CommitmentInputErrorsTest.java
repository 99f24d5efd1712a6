package org.creditledger.commitment;

import org.creditledger.LedgerHttpTest;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input gets problem+json with the right status and field, and writes no event. */
class CommitmentInputErrorsTest extends LedgerHttpTest {

    static final String UNIT = "gy-education";
    static final String VALID = """
            {"unitId":"gy-education","type":"APPROVAL_REPLACEMENT",
             "subject":{"kind":"INDIVIDUAL_BUSINESS","code":"92440305MA5H3QW293","name":"利州区某某小吃店"},
             "matter":"食品经营备案","content":"承诺符合食品安全要求","signedOn":"2025-05-06"}""";


    Api api;
    String clerk;

    @BeforeEach
    void setUp() {
        TestKeys keys = new TestKeys(apiKeys);
        api = Api.at(port);
        api.as(keys.admin()).put("/api/v1/units/" + UNIT, Map.of("name", "市教育局", "kind", "MUNICIPAL_DEPARTMENT"));
        clerk = keys.clerk(UNIT);
    }

    static Stream<Arguments> badBodies() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        return Stream.of(
                Arguments.of("malformed JSON", "{\"unitId\": ", 400, "urn:credit-ledger:problem:malformed-request", null),
                Arguments.of("unknown enum", VALID.replace("APPROVAL_REPLACEMENT", "BRIBE"), 400, "urn:credit-ledger:problem:validation", "type"),
                Arguments.of("wrong USCC check digit", VALID.replace("QW293", "QW294"), 400, "urn:credit-ledger:problem:validation", "subject.code"),
                Arguments.of("wrong 身份证 check digit", VALID.replace("\"INDIVIDUAL_BUSINESS\",\"code\":\"92440305MA5H3QW293\"", "\"NATURAL_PERSON\",\"code\":\"110105194912310021\""), 400, "urn:credit-ledger:problem:validation", "subject.code"),
                Arguments.of("individual business without 92", VALID.replace("92440305MA5H3QW293", "91110108MA01R7K44D"), 400, "urn:credit-ledger:problem:validation", "subject.code"),
                Arguments.of("impossible date", VALID.replace("2025-05-06", "2025-02-30"), 400, "urn:credit-ledger:problem:validation", "signedOn"),
                Arguments.of("signed in the future", VALID.replace("2025-05-06", tomorrow), 400, "urn:credit-ledger:problem:validation", "signedOn"),
                Arguments.of("due before signed", VALID.replace("\"signedOn\":\"2025-05-06\"", "\"signedOn\":\"2025-05-06\",\"dueDate\":\"2025-05-05\""), 400, "urn:credit-ledger:problem:validation", "dueDate"),
                Arguments.of("missing matter", VALID.replace("\"matter\":\"食品经营备案\",", ""), 400, "urn:credit-ledger:problem:validation", "matter"),
                Arguments.of("missing subject", VALID.replaceAll("\"subject\":\\{[^}]*},", ""), 400, "urn:credit-ledger:problem:validation", "subject.kind"),
                Arguments.of("oversize body", VALID.replace("承诺符合食品安全要求", "承".repeat(1_000_000)), 413, "urn:credit-ledger:problem:payload-too-large", null),
                Arguments.of("unknown unit", VALID.replace("\"unitId\":\"gy-education\"", "\"unitId\":\"gy-nowhere\""), 403, "urn:credit-ledger:problem:forbidden", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badInputIsAProblemAndWritesNothing(String name, String body, int status, String type, String field) {
        long before = events();
        Api.Response r = api.as(clerk).post("/api/v1/commitments", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("type").asText()).isEqualTo(type);
        assertThat(r.json().path("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(r.json().path("errors").findValuesAsText("field")).contains(field);
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anAdminNamingAnUnknownUnitGets422() {
        long before = events();
        Api.Response r = api.as(new TestKeys(apiKeys).admin()).post("/api/v1/commitments",
                VALID.replace("\"unitId\":\"gy-education\"", "\"unitId\":\"gy-nowhere\""));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("unitId");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void unknownCommitmentIs404AndAMalformedIdIsNoCommitmentPath() {
        Api.Response unknown = api.as(clerk).post("/api/v1/commitments/" + UUID.randomUUID() + "/outcome", Map.of("outcome", "FULFILLED", "occurredOn", "2025-06-01"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        // only a UUID matches {commitmentId}, so that /commitments/imports/… reaches its own handlers (issue 14)
        long before = events();
        Api.Response malformed = api.as(clerk).post("/api/v1/commitments/not-a-uuid/outcome", Map.of("outcome", "FULFILLED", "occurredOn", "2025-06-01"));
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(404);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:not-found");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void concurrentOutcomesForOneCommitmentLetExactlyOneWin() {
        String id = api.as(clerk).post("/api/v1/commitments", VALID).json().path("commitmentId").asText();
        List<CompletableFuture<Api.Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String outcome = i % 2 == 0 ? "FULFILLED" : "BREACHED";
            attempts.add(CompletableFuture.supplyAsync(() -> api.as(clerk).post("/api/v1/commitments/" + id + "/outcome",
                    Map.of("outcome", outcome, "occurredOn", "2025-06-01"))));
        }
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).map(Api.Response::status).toList();
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?").param(id).query(Long.class).single())
                .isEqualTo(2);
    }

}
