package org.creditledger.platform.axon;

import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * Who, when and why of a write, carried in the metadata of every command and of every event it causes.
 * When is the event's own timestamp (the ledger record time); the rest is named here.
 *
 * @param principal       id of the API key that made the request (or {@code system} for deadlines and jobs)
 * @param principalName   the key's name, for people reading an audit trail
 * @param role            the key's role
 * @param unitId          the unit a {@code UNIT_CLERK} key is bound to, if any
 * @param authority       the authority a {@code LIST_AUTHORITY} key is bound to, if any
 * @param correlationId   the caller's {@code X-Correlation-Id}, or one generated per request
 * @param clientRequestId the caller's {@code Idempotency-Key}, if sent
 * @param request         what was asked, e.g. {@code POST /api/v1/commitments} or {@code import 3f2a…}
 */
public record LedgerMetadata(String principal, String principalName, String role, String unitId, String authority,
                             String correlationId, String clientRequestId, String request) {

    public static final String PRINCIPAL = "principal";
    public static final String PRINCIPAL_NAME = "principalName";
    public static final String ROLE = "role";
    public static final String UNIT = "unit";
    public static final String AUTHORITY = "authority";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CLIENT_REQUEST_ID = "clientRequestId";
    public static final String REQUEST = "request";
    /**
     * When the ledger accepted a request it carries out later (an import row: its upload's acceptance time, ISO-8601
     * UTC); absent when the request was carried out as it came. Periods that count requests (quota) count them then.
     */
    public static final String ACCEPTED_AT = "acceptedAt";

    /** Metadata for writes the ledger makes by itself (deadlines), correlated with what caused them. */
    public static LedgerMetadata system(String why, String correlationId) {
        return new LedgerMetadata("system", "ledger", "SYSTEM", null, null, correlationId, null, why);
    }

    public MetaData toMetaData() {
        Map<String, Object> values = new HashMap<>();
        put(values, PRINCIPAL, principal);
        put(values, PRINCIPAL_NAME, principalName);
        put(values, ROLE, role);
        put(values, UNIT, unitId);
        put(values, AUTHORITY, authority);
        put(values, CORRELATION_ID, correlationId);
        put(values, CLIENT_REQUEST_ID, clientRequestId);
        put(values, REQUEST, request);
        return MetaData.from(values);
    }

    private static void put(Map<String, Object> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
