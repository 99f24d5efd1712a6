package org.creditledger.commitment.api;

/** The fulfilment record (履约践诺信息) of a commitment: 履约 or 违约. */
public enum Outcome {
    FULFILLED, BREACHED
}
