package org.creditledger.audit.timeline;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One event of a subject's timeline.
 *
 * @param globalIndex         the event's position in the whole ledger (its {@code global_index}): the order of the timeline
 * @param aggregateIdentifier the commitment, entry or case the event belongs to; null for a counter check, which is
 *                            stored without one (its {@code eventIdentifier} is the check's receipt id)
 * @param type                the event's class, e.g. {@code CommitmentPostedEvent}
 * @param recordedAt          when the ledger recorded the event
 * @param businessDates       the event's calendar dates (Asia/Shanghai) by field name, e.g. {@code signedOn}, {@code exitedOn}
 * @param principal           the id of the API key that wrote it, or {@code system} for the ledger's own deadlines
 * @param correlationId       the request's {@code X-Correlation-Id}
 * @param clientRequestId     the client's {@code Idempotency-Key}, if it sent one
 * @param request             what was asked, e.g. {@code POST /api/v1/commitments}, or why the ledger wrote it itself
 * @param summary             the event's own fields (ids as plain values; the subject code is the timeline's)
 */
public record TimelineItem(long globalIndex, String eventIdentifier, String aggregateIdentifier, Long sequenceNumber,
                           TimelineKind kind, String type, Instant recordedAt, Map<String, LocalDate> businessDates,
                           String principal, String principalName, String role, String unit, String authority,
                           String correlationId, String clientRequestId, String request,
                           Map<String, JsonNode> summary) {
}
