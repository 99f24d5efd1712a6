package org.creditledger.unit.api;

/** How a yearly target counts commitment letters and fulfilment records (seed 000). */
public enum QuotaCounting {
    /** 各不少于 N 份: letters and records each reach the target. */
    EACH,
    /** 不少于 N 份: letters and records together reach the target. */
    COMBINED
}
