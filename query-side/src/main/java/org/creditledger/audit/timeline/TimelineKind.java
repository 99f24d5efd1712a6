package org.creditledger.audit.timeline;

/** What part of the ledger an event of a subject's timeline comes from. */
public enum TimelineKind {
    /** A commitment letter (信用承诺书): posted, fulfilled, breached, overdue. */
    COMMITMENT,
    /** A list entry (列入 … 移出): entered, objections (异议), repairs (信用修复), exit. */
    LIST_ENTRY,
    /** A joint reward or punishment case (联合奖惩案例) applied to the subject. */
    JOINT_ACTION,
    /** A counter check (嵌入政务服务的信用核查) about the subject. */
    CHECK,
    /** An administrative penalty decision (行政处罚) about the subject and its publication (双公示). */
    PUBLIC_DECISION
}
