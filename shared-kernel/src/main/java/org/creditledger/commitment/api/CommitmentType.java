package org.creditledger.commitment.api;

/** The seven kinds of credit commitment (seed 001, 甘州 2025). */
public enum CommitmentType {
    /** 证明事项告知承诺 */
    NOTIFICATION_IN_LIEU_OF_CERTIFICATE,
    /** 审批替代型 */
    APPROVAL_REPLACEMENT,
    /** 行业自律型 */
    INDUSTRY_SELF_DISCIPLINE,
    /** 主动公示型 */
    VOLUNTARY_DISCLOSURE,
    /** 容缺受理型 */
    ACCEPTANCE_WITH_DEFICIENCIES,
    /** 信用修复型: made by a listed subject applying for credit repair */
    CREDIT_REPAIR,
    /** 其他 */
    OTHER
}
