package org.creditledger.check.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.creditledger.check.api.CheckMessages.SubjectCheckedEvent;
import org.creditledger.platform.axon.LedgerMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Recorded checks, read straight from the event store: a receipt is its {@code SubjectCheckedEvent} as stored, so it
 * is the same forever (and covered by the event chain), whatever happens to the projections.
 */
@Component
class CheckReceipts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final Serializer serializer;

    CheckReceipts(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** A recorded check with the id of the key that asked. */
    record Recorded(SubjectCheckedEvent check, String checkedBy) {
    }

    Optional<Recorded> find(UUID checkId) {
        return jdbc.sql("""
                        select payload_type, payload_revision, payload, meta_data from domain_event_entry
                        where event_identifier = ? and payload_type = ?""")
                .params(checkId.toString(), SubjectCheckedEvent.class.getName())
                .query((rs, n) -> {
                    SubjectCheckedEvent check = serializer.deserialize(new SimpleSerializedObject<>(
                            rs.getBytes("payload"), byte[].class, rs.getString("payload_type"),
                            rs.getString("payload_revision")));
                    return new Recorded(check, principal(rs.getBytes("meta_data")));
                })
                .optional();
    }

    private static String principal(byte[] metaData) {
        try {
            return JSON.readTree(metaData).path(LedgerMetadata.PRINCIPAL).asText(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
