package org.creditledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.creditledger.LedgerHttpTest;
import org.creditledger.check.api.CheckId;
import org.creditledger.listing.api.EntryId;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An aggregate's raw history: its rows of {@code domain_event_entry}, as stored, read by an inspector. */
class AggregateHistoryApiTest extends LedgerHttpTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EventGateway eventGateway;

    AuditLedger ledger;
    Api inspector;

    @BeforeEach
    void setUp() {
        ledger = new AuditLedger(api(), apiKeys);
        inspector = api().as(keys().inspector());
    }

    record StoredRow(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                     String payloadType, String payloadRevision, String timeStamp, String payload, String metaData) {
    }

    @Test
    void aCommitmentsHistoryIsItsStoredRowsInSequenceOrder() throws Exception {
        String subject = AuditLedger.freshUscc();
        String commitmentId = ledger.postCommitment(subject, null, "corr-raw", "idem-raw-" + UUID.randomUUID());
        ledger.recordOutcome(commitmentId, "BREACHED", null, null);

        Api.Response response = inspector.get("/api/v1/aggregates/" + commitmentId + "/events");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<StoredRow> stored = stored(commitmentId);
        assertThat(stored).hasSize(2);
        JsonNode events = response.json();
        assertThat(events).hasSize(2);
        for (int i = 0; i < stored.size(); i++) {
            StoredRow row = stored.get(i);
            JsonNode event = events.get(i);
            assertThat(event.path("globalIndex").asLong()).isEqualTo(row.globalIndex());
            assertThat(event.path("eventIdentifier").asText()).isEqualTo(row.eventIdentifier());
            assertThat(event.path("aggregateIdentifier").asText()).isEqualTo(commitmentId);
            assertThat(event.path("sequenceNumber").asLong()).isEqualTo(i);
            assertThat(event.path("type").asText()).isEqualTo(row.type()).isEqualTo("Commitment");
            assertThat(event.path("payloadType").asText()).isEqualTo(row.payloadType());
            assertThat(event.path("payloadRevision").asText()).isEqualTo(row.payloadRevision()).isEqualTo("1");
            assertThat(event.path("timeStamp").asText()).as("the record time as stored").isEqualTo(row.timeStamp());
            assertThat(event.path("payload")).isEqualTo(JSON.readTree(row.payload()));
            assertThat(event.path("metaData")).isEqualTo(JSON.readTree(row.metaData()));
            assertThat(response.text()).as("the stored JSON, byte for byte").contains(row.payload()).contains(row.metaData());
        }
        assertThat(events.get(0).path("payloadType").asText()).endsWith("CommitmentPostedEvent");
        assertThat(events.get(1).path("payloadType").asText()).endsWith("CommitmentBreachedEvent");
        assertThat(events.get(0).path("metaData").path("correlationId").asText()).isEqualTo("corr-raw");
        assertThat(events.get(0).path("payload").path("subject").path("code").asText()).isEqualTo(subject);
    }

    @Test
    void aCheckIsFoundByItsReceiptIdAsAnEventWithoutAggregate() {
        String subject = AuditLedger.freshUscc();
        String entryId = ledger.enterList(subject, null, null);
        CheckId checkId = AuditLedger.check(eventGateway, subject, EntryId.parse(entryId), ledger.listCode, "corr-raw-check");

        JsonNode events = inspector.get("/api/v1/aggregates/" + checkId + "/events").json();

        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("eventIdentifier").asText()).isEqualTo(checkId.toString());
        assertThat(events.get(0).has("type")).as("no aggregate type").isFalse();
        assertThat(events.get(0).path("sequenceNumber").asLong()).isZero();
        assertThat(events.get(0).path("payload").path("verdict").asText()).isEqualTo("RESTRICT");
        assertThat(events.get(0).path("payload").path("subjectCode").asText()).isEqualTo(subject);
    }

    @Test
    void catalogueAndUnitAggregatesHaveHistoriesToo() {
        JsonNode unit = inspector.get("/api/v1/aggregates/" + ledger.unit + "/events").json();
        assertThat(unit.get(0).path("payloadType").asText()).endsWith("UnitRegisteredEvent");
        ledger.admin.put("/api/v1/units/" + ledger.unit, Map.of("name", "苍溪县市场监督管理局（更名）", "kind", "MUNICIPAL_DEPARTMENT"));
        assertThat(inspector.get("/api/v1/aggregates/" + ledger.unit + "/events").json().size()).isGreaterThan(unit.size());
    }

    @Test
    void anAggregateWithNoEventsIs404AndAnOverlongIdIs400() {
        Api.Response unknown = inspector.get("/api/v1/aggregates/" + UUID.randomUUID() + "/events");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:not-found");

        Api.Response overlong = inspector.get("/api/v1/aggregates/" + "a".repeat(256) + "/events");
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(overlong.json().path("errors").get(0).path("field").asText()).isEqualTo("aggregateId");
    }

    private List<StoredRow> stored(String aggregateId) {
        return jdbc.sql("select * from domain_event_entry where aggregate_identifier = ? order by sequence_number")
                .param(aggregateId)
                .query((rs, n) -> new StoredRow(rs.getLong("global_index"), rs.getString("event_identifier"),
                        rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                        rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                        new String(rs.getBytes("payload"), StandardCharsets.UTF_8),
                        new String(rs.getBytes("meta_data"), StandardCharsets.UTF_8)))
                .list();
    }
}
