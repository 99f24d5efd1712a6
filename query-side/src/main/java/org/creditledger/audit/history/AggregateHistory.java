package org.creditledger.audit.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Reads an aggregate's events straight from the event store, not from a projection. */
@Component
class AggregateHistory {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ObjectReader strictJson;

    AggregateHistory(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.strictJson = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Every event stored for {@code aggregateIdentifier}, by sequence number; empty when there is none. */
    List<StoredEvent> events(String aggregateIdentifier) {
        return jdbc.sql("""
                        select global_index, event_identifier, aggregate_identifier, sequence_number, type, payload_type,
                               payload_revision, time_stamp, payload, meta_data
                        from domain_event_entry where aggregate_identifier = ? order by sequence_number""")
                .param(aggregateIdentifier)
                .query(this::event).list();
    }

    private StoredEvent event(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                rawJson(rs.getBytes("payload")), rawJson(rs.getBytes("meta_data")));
    }

    /**
     * The stored bytes as JSON text to embed unchanged. Bytes that are not JSON — only a direct edit of the table can
     * make them so — are shown as a JSON string of their text instead of breaking the response.
     */
    private String rawJson(byte[] stored) {
        if (stored == null) {
            return "null";
        }
        String text = new String(stored, StandardCharsets.UTF_8);
        try {
            if (!strictJson.readTree(text).isMissingNode()) {
                return text;
            }
        } catch (JsonProcessingException notJson) {
            // shown as a string below
        }
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot quote a stored event", e);
        }
    }
}
