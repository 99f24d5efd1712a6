package org.creditledger.listing.api;

/** How a subject shows it has corrected its behaviour when applying for credit repair (信用修复); seed 002. */
public enum RepairMethod {
    /** 信用承诺: a public credit commitment, usually a {@code CREDIT_REPAIR} commitment letter in this ledger. */
    COMMITMENT,
    /** 整改: the failure was rectified. */
    RECTIFICATION,
    /** 核查: on-site or document verification by the authority. */
    VERIFICATION,
    /** 培训: the subject attended credit repair training. */
    TRAINING,
    /** 信用报告: a credit report by a credit service agency. */
    CREDIT_REPORT,
    /** 公益: public-interest service (公益活动). */
    PUBLIC_SERVICE
}
