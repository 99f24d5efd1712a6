package org.creditledger.listing.api;

/** Why an entry left its list (移出). */
public enum ExitReason {
    /** 期满移出: the period ended; set by the ledger itself through the expiry deadline. */
    EXPIRED,
    /** 信用修复: a repair application was approved. */
    REPAIRED,
    /** 异议成立: an objection was upheld. */
    OBJECTION_UPHELD,
    /** 撤销: the listing decision was annulled; needs the document number. */
    REVOKED,
    /** 法院裁判: a court ordered the exit; needs the document number. */
    COURT_ORDER,
    /** 其他: any other ground, explained in the note. */
    OTHER;

    /** Whether an authority may name this reason directly; the others come from their own paths (deadline, decisions). */
    public boolean isDirect() {
        return this == REVOKED || this == COURT_ORDER || this == OTHER;
    }

    /** Whether the exit must cite a document (决定书、裁判文书) number. */
    public boolean needsDocument() {
        return this == REVOKED || this == COURT_ORDER;
    }
}
