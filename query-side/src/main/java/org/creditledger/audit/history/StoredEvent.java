package org.creditledger.audit.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One row of {@code domain_event_entry}, column by column as stored.
 *
 * @param type      the aggregate type; null for an event stored without an aggregate (a counter check, whose
 *                  aggregate identifier repeats its event identifier and whose sequence number is 0)
 * @param timeStamp the record time exactly as stored: ISO-8601 UTC text with milliseconds
 * @param payload   the stored payload: JSON, written into the response unchanged
 * @param metaData  the stored metadata (who, role, unit, correlation and client request id): JSON, unchanged
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String type, String payloadType, String payloadRevision, String timeStamp,
                          @JsonRawValue @Schema(implementation = Object.class) String payload,
                          @JsonRawValue @Schema(implementation = Object.class) String metaData) {
}
