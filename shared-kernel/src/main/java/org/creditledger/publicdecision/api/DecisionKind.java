package org.creditledger.publicdecision.api;

/** The two kinds of decision 双公示 publishes. */
public enum DecisionKind {
    /** 行政许可: an administrative licensing decision. */
    LICENSING,
    /** 行政处罚: an administrative penalty decision; it also belongs to its subject's timeline. */
    PENALTY
}
