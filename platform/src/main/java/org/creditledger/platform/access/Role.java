package org.creditledger.platform.access;

/** What an API key may do. Bound keys carry their unit ({@code UNIT_CLERK}) or authority ({@code LIST_AUTHORITY}). */
public enum Role {
    /** Manages keys, units, targets and catalogues; may do everything. */
    ADMIN,
    /** Clerk of one assessed unit (考核单位): posts that unit's commitments and fulfilment records. */
    UNIT_CLERK,
    /** Officer of one list authority (认定部门): enters subjects on that authority's lists. */
    LIST_AUTHORITY,
    /** A government service counter (政务服务窗口): checks subjects before granting a service. */
    COUNTER,
    /** Reads everything, including audit trails; writes nothing. */
    INSPECTOR,
    /** A monitoring system (Prometheus): reads {@code /actuator/prometheus} and nothing else, not even the ledger's records. */
    MONITOR
}
