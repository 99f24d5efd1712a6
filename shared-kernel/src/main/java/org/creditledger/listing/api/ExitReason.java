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
    OTHER,
    /**
     * 因列入黑名单撤销: a red list whose definition says {@code revokedOnBlackListing} (守合同重信用, A级纳税人 …) loses a
     * subject that entered any black list; set by the ledger's own process, naming the black entry.
     */
    REVOKED_BY_BLACK_LISTING;

    /** Whether an authority may name this reason directly; the others come from their own paths (deadline, decisions). */
    public boolean isDirect() {
        return this == REVOKED || this == COURT_ORDER || this == OTHER;
    }

    /** Whether the exit must cite a document (决定书、裁判文书) number. */
    public boolean needsDocument() {
        return this == REVOKED || this == COURT_ORDER;
    }
}
