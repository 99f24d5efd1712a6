package org.creditledger.publicdecision.api;

/**
 * A required field of a decision that is not valid (合规率 counts decisions with none). The decision is recorded all the
 * same: a wrong code is a fact about the unit's data quality, and refusing it would hide it from the rate.
 */
public enum ComplianceDefect {
    /** The subject's code fails its check (统一社会信用代码 check digit, 身份证号 check character) or does not fit its kind. */
    SUBJECT_CODE,
    /** The decision number (决定文书号) is not of the form 〔year〕number号, e.g. 广市监罚〔2025〕12号. */
    DECISION_NO,
    /** The dates are out of order: decided after the day it was recorded, or valid until before valid from or decided on. */
    DATES
}
