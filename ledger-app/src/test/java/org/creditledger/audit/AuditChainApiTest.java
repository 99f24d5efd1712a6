package org.creditledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.LedgerHttpTest;
import org.creditledger.audit.chain.EventChain;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tamper-evident digest and its verification over real HTTP. Tests that tamper with {@code domain_event_entry}
 * or {@code event_chain} in SQL put the exact original row back in {@code finally}: every test of this JVM shares the
 * database, and the chain must verify again afterwards.
 */
class AuditChainApiTest extends LedgerHttpTest {

    @Autowired
    TransactionTemplate transactions;

    Api admin;
    Api inspector;

    @BeforeEach
    void setUp() {
        admin = api().as(keys().admin());
        inspector = api().as(keys().inspector());
    }

    @Test
    void theChainFollowsWritesAndTheDigestIsItsLastLink() {
        long index = newChainedEvent();
        JsonNode digest = inspector.get("/api/v1/audit/digest").json();
        assertThat(digest.path("lastGlobalIndex").asLong()).isGreaterThanOrEqualTo(index);
        byte[] link = jdbc.sql("select link from event_chain where global_index = ?").param(digest.path("lastGlobalIndex").asLong())
                .query(byte[].class).single();
        assertThat(digest.path("digest").asText()).isEqualTo(hex(link)).hasSize(64);
        assertThat(digest.path("chainedAt").asText()).isNotBlank();
        assertThat(jdbc.sql("select event_hash is not null from event_chain where global_index = ?").param(index)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void anUntouchedLedgerVerifiesAndPassesThroughItsOwnDigest() {
        newChainedEvent();
        JsonNode digest = inspector.get("/api/v1/audit/digest").json();
        JsonNode verified = inspector.post("/api/v1/audit/verify", Map.of(
                "lastGlobalIndex", digest.path("lastGlobalIndex").asLong(), "digest", digest.path("digest").asText())).json();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.has("firstBrokenGlobalIndex")).isFalse();
        long chainedEvents = jdbc.sql("select count(*) from event_chain where event_hash is not null and global_index <= ?")
                .param(verified.path("lastGlobalIndex").asLong()).query(Long.class).single();
        assertThat(verified.path("checkedEvents").asLong()).isEqualTo(chainedEvents).isPositive();
        assertThat(admin.post("/api/v1/audit/verify", null).json().path("ok").asBoolean()).isTrue();
    }

    /** Each hashed column changed in SQL: verify names exactly that event. Moving the row leaves its index empty. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "payload              ; payload = payload || '\\x20'::bytea                       ; MODIFIED",
            "meta_data            ; meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), 'ADMIN', 'INSPECTOR'), 'UTF8') ; MODIFIED",
            "event_identifier     ; event_identifier = event_identifier || '0'               ; MODIFIED",
            "aggregate_identifier ; aggregate_identifier = aggregate_identifier || '0'       ; MODIFIED",
            "sequence_number      ; sequence_number = sequence_number + 1000                 ; MODIFIED",
            "type                 ; type = coalesce(type, '') || '0'                         ; MODIFIED",
            "payload_type         ; payload_type = payload_type || '0'                       ; MODIFIED",
            "payload_revision     ; payload_revision = coalesce(payload_revision, '') || '0' ; MODIFIED",
            "time_stamp           ; time_stamp = '2025-03-03T00:00:00.000Z'                  ; MODIFIED",
            "global_index         ; global_index = global_index + 1000000000000              ; MISSING"})
    void anUpdateOfAnyHashedColumnBreaksTheChainAtThatEvent(String column, String assignment, String reason) {
        long index = newChainedEvent();
        Map<String, Object> original = row(index);
        try {
            assertThat(jdbc.sql("update domain_event_entry set " + assignment + " where global_index = ?").param(index).update()).isOne();
            assertBrokenAt(index, reason);
        } finally {
            restore(index, original);
        }
        assertThat(row(index)).usingRecursiveComparison().isEqualTo(original);
        assertVerifies();
    }

    @Test
    void aDeletedEventBreaksTheChainAtItsIndex() {
        long index = newChainedEvent();
        Map<String, Object> original = row(index);
        try {
            assertThat(jdbc.sql("delete from domain_event_entry where global_index = ?").param(index).update()).isOne();
            assertBrokenAt(index, "MISSING");
        } finally {
            if (jdbc.sql("select count(*) from domain_event_entry where global_index = ?").param(index).query(Long.class).single() == 0) {
                jdbc.sql("""
                                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                                values (:global_index, :aggregate_identifier, :sequence_number, :type, :event_identifier,
                                    :meta_data, :payload, :payload_revision, :payload_type, :time_stamp)""")
                        .params(original).update();
            }
        }
        assertThat(row(index)).usingRecursiveComparison().isEqualTo(original);
        assertVerifies();
    }

    @Test
    void anEditedLinkIsReportedAsAnAlteredChain() {
        long index = newChainedEvent();
        byte[] link = jdbc.sql("select link from event_chain where global_index = ?").param(index).query(byte[].class).single();
        try {
            jdbc.sql("update event_chain set link = sha256(link) where global_index = ?").param(index).update();
            assertBrokenAt(index, "CHAIN_ALTERED");
        } finally {
            jdbc.sql("update event_chain set link = ? where global_index = ?").param(link).param(index).update();
        }
        assertVerifies();
    }

    /**
     * Someone who can write to the database changes an event and rebuilds the chain after it: the chain agrees with
     * the events again, so verify alone passes. A digest kept from before (the anchor) no longer recomputes.
     */
    @Test
    void aRewrittenChainPassesAloneButNotAgainstAnEarlierDigest() {
        long index = newChainedEvent();
        JsonNode digest = inspector.get("/api/v1/audit/digest").json();
        Map<String, Object> anchor = Map.of("lastGlobalIndex", digest.path("lastGlobalIndex").asLong(), "digest", digest.path("digest").asText());
        Map<String, Object> original = row(index);
        try {
            jdbc.sql("update domain_event_entry set payload = payload || '\\x20'::bytea where global_index = ?").param(index).update();
            rechainFrom(index, digest.path("lastGlobalIndex").asLong());

            assertThat(inspector.post("/api/v1/audit/verify", null).json().path("ok").asBoolean()).isTrue();
            JsonNode againstAnchor = inspector.post("/api/v1/audit/verify", anchor).json();
            assertThat(againstAnchor.path("ok").asBoolean()).isFalse();
            assertThat(againstAnchor.path("reason").asText()).isEqualTo("ANCHOR_MISMATCH");
            assertThat(againstAnchor.path("detail").asText()).contains(String.valueOf(anchor.get("lastGlobalIndex")));
        } finally {
            restore(index, original);
            rechainFrom(index, digest.path("lastGlobalIndex").asLong());
        }
        assertThat(inspector.post("/api/v1/audit/verify", anchor).json().path("ok").asBoolean()).isTrue();
    }

    @Test
    void anAnchorBeyondTheChainOrWithAnotherDigestDoesNotVerify() {
        newChainedEvent();
        JsonNode digest = inspector.get("/api/v1/audit/digest").json();
        long last = digest.path("lastGlobalIndex").asLong();
        JsonNode otherDigest = inspector.post("/api/v1/audit/verify", Map.of("lastGlobalIndex", last, "digest", "ab".repeat(32))).json();
        assertThat(otherDigest.path("ok").asBoolean()).isFalse();
        assertThat(otherDigest.path("reason").asText()).isEqualTo("ANCHOR_MISMATCH");
        JsonNode beyond = inspector.post("/api/v1/audit/verify", Map.of("lastGlobalIndex", last + 1_000_000, "digest", digest.path("digest").asText())).json();
        assertThat(beyond.path("ok").asBoolean()).isFalse();
        assertThat(beyond.path("reason").asText()).isEqualTo("ANCHOR_MISMATCH");
    }

    @Test
    void aMalformedAnchorIsRefused() {
        Api.Response badDigest = inspector.post("/api/v1/audit/verify", Map.of("lastGlobalIndex", 1, "digest", "not-hex"));
        assertThat(badDigest.status()).isEqualTo(400);
        assertThat(badDigest.json().path("errors").get(0).path("field").asText()).isEqualTo("digest");
        Api.Response noIndex = inspector.post("/api/v1/audit/verify", Map.of("digest", "00".repeat(32)));
        assertThat(noIndex.status()).isEqualTo(400);
        assertThat(noIndex.json().path("errors").get(0).path("field").asText()).isEqualTo("lastGlobalIndex");
    }

    @Test
    void onlyInspectorsAndAdminsSeeTheDigest() {
        assertThat(api().as(keys().counter()).get("/api/v1/audit/digest").status()).isEqualTo(403);
        assertThat(api().as(keys().clerk("gy-market-regulation")).post("/api/v1/audit/verify", null).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/audit/digest").status()).isEqualTo(200);
    }

    /** Registers a unit (one event) and waits until the chain holds it; returns its global index. */
    long newChainedEvent() {
        String unitId = "chain-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.put("/api/v1/units/" + unitId, Map.of("name", "苍溪县发展和改革局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
        long index = jdbc.sql("select global_index from domain_event_entry where aggregate_identifier = ?").param(unitId)
                .query(Long.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> chainTail() >= index);
        return index;
    }

    long chainTail() {
        return jdbc.sql("select coalesce(max(global_index), 0) from event_chain").query(Long.class).single();
    }

    Map<String, Object> row(long index) {
        return jdbc.sql("select * from domain_event_entry where global_index = ?").param(index).query().singleRow();
    }

    /** Puts the tampered row (same global index or same event identifier) back to the original, column by column. */
    void restore(long index, Map<String, Object> original) {
        jdbc.sql("""
                        update domain_event_entry set global_index = :global_index, aggregate_identifier = :aggregate_identifier,
                            sequence_number = :sequence_number, type = :type, event_identifier = :event_identifier,
                            meta_data = :meta_data, payload = :payload, payload_revision = :payload_revision,
                            payload_type = :payload_type, time_stamp = :time_stamp
                        where global_index = :global_index or event_identifier = :event_identifier""")
                .params(original).update();
    }

    /** What a tamperer with database access does: drops the chain from {@code index} on and lets it be rebuilt. */
    void rechainFrom(long index, long until) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(EventChain.LOCK_KEY).query().singleRow();
            jdbc.sql("delete from event_chain where global_index >= ?").param(index).update();
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> chainTail() >= until);
    }

    void assertBrokenAt(long index, String reason) {
        JsonNode verified = inspector.post("/api/v1/audit/verify", null).json();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isFalse();
        assertThat(verified.path("firstBrokenGlobalIndex").asLong()).as(verified.toString()).isEqualTo(index);
        assertThat(verified.path("reason").asText()).isEqualTo(reason);
    }

    void assertVerifies() {
        JsonNode verified = inspector.post("/api/v1/audit/verify", null).json();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
