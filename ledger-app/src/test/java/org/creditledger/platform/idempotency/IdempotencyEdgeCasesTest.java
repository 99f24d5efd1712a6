package org.creditledger.platform.idempotency;

import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.creditledger.LedgerHttpTest;
import org.creditledger.testing.Api;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.api.UnitKind;
import org.creditledger.unit.api.UnitMessages.SaveUnitCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The edge cases of {@code Idempotency-Key}: failures after the write, crashed attempts, JSON bodies, retention. */
class IdempotencyEdgeCasesTest extends LedgerHttpTest {

    static final String PROBLEM = "urn:credit-ledger:problem:";

    @Autowired
    IdempotencyRetention retention;
    @Autowired
    CommandGateway commandGateway;

    String unitId;
    String clerk;
    UUID clerkKeyId;

    @BeforeEach
    void setUp() {
        unitId = "gy-market-regulation-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().as(keys().admin()).put("/api/v1/units/" + unitId,
                Map.of("name", "市市场监管局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
        clerk = keys().clerk(unitId);
        clerkKeyId = apiKeys.authenticate(clerk).orElseThrow().keyId();
    }

    String letter(String code) {
        return """
                {"unitId": "%s", "type": "NOTIFICATION_IN_LIEU_OF_CERTIFICATE",
                 "subject": {"kind": "LEGAL_PERSON", "code": "%s", "name": "广元市某某建材有限公司"},
                 "matter": "食品经营许可", "content": "本单位承诺所提交材料真实有效", "signedOn": "2025-03-01"}"""
                .formatted(unitId, code);
    }

    Api.Response post(String path, String body, String key) {
        return api().as(clerk).exchange(HttpMethod.POST, path, body, h -> h.set("Idempotency-Key", key));
    }

    long eventsWithKey(String key) {
        return jdbc.sql("select count(*) from domain_event_entry where convert_from(meta_data, 'UTF8')::jsonb ->> 'clientRequestId' = ?")
                .param(key).query(Long.class).single();
    }

    @Test
    void aWriteThatCommittedAndThenFailedIsNeverWrittenAgain() {
        String key = UUID.randomUUID().toString();
        Api.Response failed = api().as(clerk).exchange(HttpMethod.POST, "/api/v1/commitments", letter("91110108MA01R7K44D"),
                h -> {
                    h.set("Idempotency-Key", key);
                    h.set(FailAfterWriteFilter.HEADER, "true");
                });
        assertThat(failed.status()).as(failed.toString()).isGreaterThanOrEqualTo(500);
        assertThat(eventsWithKey(key)).as("the command committed before the failure").isEqualTo(1);

        Api.Response retry = post("/api/v1/commitments", letter("91110108MA01R7K44D"), key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(409);
        assertThat(retry.json().path("type").asText()).isEqualTo(PROBLEM + "idempotent-request-unanswered");
        Api.Response again = post("/api/v1/commitments", letter("91110108MA01R7K44D"), key);
        assertThat(again.json().path("type").asText()).isEqualTo(PROBLEM + "idempotent-request-unanswered");
        assertThat(eventsWithKey(key)).isEqualTo(1);
    }

    @Test
    void aCommandTheLedgerRefusesReleasesTheKeyForACorrectedRequest() {
        String id = api().as(clerk).post("/api/v1/commitments", letter("91110108MA01R7K44D")).json().path("commitmentId").asText();
        assertThat(api().as(clerk).post("/api/v1/commitments/" + id + "/outcome",
                Map.of("outcome", "FULFILLED", "occurredOn", "2025-04-01")).status()).isEqualTo(200);
        String key = UUID.randomUUID().toString();

        Api.Response refused = post("/api/v1/commitments/" + id + "/outcome", "{\"outcome\": \"BREACHED\", \"occurredOn\": \"2025-04-02\"}", key);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).isEqualTo(PROBLEM + "conflict");

        // The command's mark of the key rolled back with it: the key is free, not "unanswered".
        Api.Response corrected = post("/api/v1/commitments", letter("91350100M000100Y43"), key);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        assertThat(eventsWithKey(key)).isEqualTo(1);
    }

    @Test
    void anAttemptLeftInProgressByACrashExpiresAndTheRetryWritesOnce() {
        String key = UUID.randomUUID().toString();
        insertRow(key, "IN_PROGRESS", OffsetDateTime.now().minusMinutes(2));

        Api.Response retry = post("/api/v1/commitments", letter("91110108MA01R7K44D"), key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        Api.Response replay = post("/api/v1/commitments", letter("91110108MA01R7K44D"), key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.headers().getFirst("Idempotent-Replay")).isEqualTo("true");
        assertThat(replay.json()).isEqualTo(retry.json());
        assertThat(eventsWithKey(key)).isEqualTo(1);
    }

    @Test
    void anAttemptStillWithinTheExpiryIsInProgress() {
        String key = UUID.randomUUID().toString();
        insertRow(key, "IN_PROGRESS", OffsetDateTime.now().minusSeconds(5), letter("91110108MA01R7K44D"));

        Api.Response retry = post("/api/v1/commitments", letter("91110108MA01R7K44D"), key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(409);
        assertThat(retry.json().path("type").asText()).isEqualTo(PROBLEM + "idempotent-request-in-progress");
        assertThat(eventsWithKey(key)).isZero();
    }

    @Test
    void aCrashAfterTheWriteCommittedLeavesTheKeyUnansweredNotFree() {
        String key = UUID.randomUUID().toString();
        insertRow(key, "WRITTEN", OffsetDateTime.now().minusMinutes(2), letter("91110108MA01R7K44D"));

        Api.Response retry = post("/api/v1/commitments", letter("91110108MA01R7K44D"), key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(409);
        assertThat(retry.json().path("type").asText()).isEqualTo(PROBLEM + "idempotent-request-unanswered");
        assertThat(eventsWithKey(key)).isZero();
    }

    @Test
    void anAttemptWhoseKeyWasTakenOverWritesNothing() {
        String key = UUID.randomUUID().toString();
        UUID lateAttempt = UUID.randomUUID();
        insertRow(key, "IN_PROGRESS", OffsetDateTime.now()); // held by another attempt, which took it over
        UnitId unit = new UnitId("gy-late-" + UUID.randomUUID().toString().substring(0, 8));
        IdempotentWrites.begin(new IdempotentWrites.Attempt(clerkKeyId, key, lateAttempt));
        try {
            assertThatThrownBy(() -> commandGateway.sendAndWait(new SaveUnitCommand(unit, "市林业局", UnitKind.MUNICIPAL_DEPARTMENT)))
                    .isInstanceOf(IdempotentWrites.AttemptSuperseded.class);
        } finally {
            IdempotentWrites.end();
        }
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                .param(unit.value()).query(Long.class).single()).isZero();
    }

    @Test
    void jsonBodiesAreComparedAsJsonNotAsBytes() {
        String key = UUID.randomUUID().toString();
        Api.Response first = post("/api/v1/commitments", letter("91110108MA01R7K44D"), key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        String reordered = """
                {
                  "signedOn":"2025-03-01","content":"本单位承诺所提交材料真实有效","matter":"食品经营许可",
                  "subject":{"name":"广元市某某建材有限公司","code":"91110108MA01R7K44D","kind":"LEGAL_PERSON"},
                  "type":"NOTIFICATION_IN_LIEU_OF_CERTIFICATE",   "unitId":"%s"
                }
                """.formatted(unitId);
        Api.Response replay = post("/api/v1/commitments", reordered, key);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
        assertThat(replay.headers().getFirst("Idempotent-Replay")).isEqualTo("true");
        assertThat(replay.json()).isEqualTo(first.json());

        Api.Response other = post("/api/v1/commitments", reordered.replace("食品经营许可", "药品经营许可"), key);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().path("type").asText()).isEqualTo(PROBLEM + "idempotency-key-reused");
        assertThat(eventsWithKey(key)).isEqualTo(1);
    }

    @Test
    void keysOlderThanTheRetentionAreDeletedAndYoungerOnesKept() {
        String old = "old-" + UUID.randomUUID();
        String young = "young-" + UUID.randomUUID();
        insertRow(old, "COMPLETED", OffsetDateTime.now().minusDays(8));
        insertRow(young, "COMPLETED", OffsetDateTime.now().minusDays(6));

        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(1);

        assertThat(keyExists(old)).isFalse();
        assertThat(keyExists(young)).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select count(*) from scheduled_tasks where task_name = ?")
                .param(IdempotencyConfiguration.RETENTION_TASK).query(Long.class).single() == 1);
    }

    /** A key left as a crashed attempt of {@code POST /api/v1/commitments} with this body would leave it. */
    private void insertRow(String key, String state, OffsetDateTime at, String body) {
        byte[] hash = IdempotencyFilter.hash("POST", "/api/v1/commitments", null,
                IdempotencyFilter.canonicalJson(body.getBytes(StandardCharsets.UTF_8)));
        insertRow(key, state, at, hash);
    }

    private void insertRow(String key, String state, OffsetDateTime at) {
        insertRow(key, state, at, new byte[32]);
    }

    private void insertRow(String key, String state, OffsetDateTime at, byte[] hash) {
        jdbc.sql("""
                        insert into idempotent_request (key_id, idempotency_key, request_hash, state, attempt, created_at, claimed_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(clerkKeyId, key, hash, state, UUID.randomUUID(), at, at)
                .update();
    }

    private boolean keyExists(String key) {
        return jdbc.sql("select count(*) from idempotent_request where idempotency_key = ?").param(key)
                .query(Long.class).single() > 0;
    }
}
