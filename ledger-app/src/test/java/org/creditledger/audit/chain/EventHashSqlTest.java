package org.creditledger.audit.chain;

import org.creditledger.LedgerHttpTest;
import org.creditledger.audit.chain.VerifyDisputePackage.StoredEvent;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger hashes events in SQL ({@link EventChain#EVENT_HASH}); outside tools and the dispute-package verifier do
 * it in Java ({@link StoredEvent#hash()}). Both must give the same bytes for every row PostgreSQL can hold.
 */
class EventHashSqlTest extends LedgerHttpTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sqlAndJavaHashEveryStoredEventAlike() {
        Api admin = api().as(keys().admin());
        admin.put("/api/v1/units/hash-" + UUID.randomUUID().toString().substring(0, 8), Map.of("name", "广元市信用办", "kind", "COUNTY"));
        List<String> mismatches = jdbc.sql("select e.*, " + EventChain.EVENT_HASH + " as sql_hash from domain_event_entry e")
                .query((rs, n) -> {
                    StoredEvent event = new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                            rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                            rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                            rs.getBytes("payload"), rs.getBytes("meta_data"));
                    String java = HEX.formatHex(event.hash());
                    String sql = HEX.formatHex(rs.getBytes("sql_hash"));
                    return java.equals(sql) ? null : event.globalIndex() + ": java " + java + " sql " + sql;
                })
                .list().stream().filter(m -> m != null).toList();
        long events = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
        assertThat(events).isPositive();
        assertThat(mismatches).isEmpty();
    }

    /** Nulls, empty texts, 4-byte UTF-8, bytes that are not text, big numbers: the corners of the encoding. */
    @Test
    void sqlAndJavaAgreeOnTheCornersOfTheEncoding() {
        List<StoredEvent> corners = List.of(
                new StoredEvent(1, "e", "a", 0, null, "p", null, "2025-01-01T00:00:00.000Z", new byte[0], null),
                new StoredEvent(Long.MAX_VALUE, "", "", Long.MAX_VALUE, "", "", "", "", new byte[] {0, -1, 10, -128}, new byte[0]),
                new StoredEvent(42, "事件-😀", "苍溪县某某农民专业合作社", 7, "ListEntry", "org.example.事件$Event", "1",
                        "2025-03-03T08:00:00.123Z", "{\"name\":\"广元市某某建材有限公司 😀\"}".getBytes(StandardCharsets.UTF_8),
                        "{\"role\":\"INSPECTOR\"}".getBytes(StandardCharsets.UTF_8)));
        for (StoredEvent event : corners) {
            byte[] sql = jdbc.sql("select " + EventChain.EVENT_HASH + " from (values (cast(:globalIndex as bigint), "
                            + "cast(:eventIdentifier as varchar), cast(:aggregateIdentifier as varchar), cast(:sequenceNumber as bigint), "
                            + "cast(:type as varchar), cast(:payloadType as varchar), cast(:payloadRevision as varchar), "
                            + "cast(:timeStamp as varchar), cast(:payload as bytea), cast(:metaData as bytea))) as e(global_index, "
                            + "event_identifier, aggregate_identifier, sequence_number, type, payload_type, payload_revision, "
                            + "time_stamp, payload, meta_data)")
                    .param("globalIndex", event.globalIndex()).param("eventIdentifier", event.eventIdentifier())
                    .param("aggregateIdentifier", event.aggregateIdentifier()).param("sequenceNumber", event.sequenceNumber())
                    .param("type", event.type()).param("payloadType", event.payloadType())
                    .param("payloadRevision", event.payloadRevision()).param("timeStamp", event.timeStamp())
                    .param("payload", event.payload()).param("metaData", event.metaData())
                    .query(byte[].class).single();
            assertThat(HEX.formatHex(sql)).as("event %d", event.globalIndex()).isEqualTo(HEX.formatHex(event.hash()));
        }
    }

    @Test
    void theCanonicalEncodingIsLengthPrefixedFieldsWithMinusOneForNull() {
        StoredEvent event = new StoredEvent(12, "e1", "a1", 3, null, "P", "1", "T", new byte[] {7}, null);
        assertThat(HEX.formatHex(event.canonical())).isEqualTo(
                "00000002" + "3132"      // global_index "12"
                        + "00000002" + "6531"   // event_identifier "e1"
                        + "00000002" + "6131"   // aggregate_identifier "a1"
                        + "00000001" + "33"     // sequence_number "3"
                        + "ffffffff"            // type null
                        + "00000001" + "50"     // payload_type "P"
                        + "00000001" + "31"     // payload_revision "1"
                        + "00000001" + "54"     // time_stamp "T"
                        + "00000001" + "07"     // payload
                        + "ffffffff");          // meta_data null
    }

    /** The test vector of docs/audit-chain.md, recomputed there with Python's hashlib. */
    @Test
    void theDocumentedTestVectorHolds() {
        StoredEvent event = new StoredEvent(12, "e1", "a1", 3, null, "P", "1", "T", new byte[] {7}, null);
        assertThat(HEX.formatHex(event.hash())).isEqualTo("ee22edf9a1b63c5a3ad1e02a29bad2260020ae5297c48d2ae7c27244d8c48495");
        assertThat(HEX.formatHex(VerifyDisputePackage.link(VerifyDisputePackage.GENESIS, event.hash())))
                .isEqualTo("8c1c116cfd18edb4b785bea5cd1ecd09dfe6a076137d9d7d31c93ca6e864c6d7");
    }
}
