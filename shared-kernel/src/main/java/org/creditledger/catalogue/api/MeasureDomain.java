package org.creditledger.catalogue.api;

/** Where a measure applies (seed 003); a counter check names one of these for the service it grants. */
public enum MeasureDomain {
    /** 评优评先 */
    HONOURS,
    /** 行政审批 */
    ADMIN_APPROVAL,
    /** 资质审核 */
    QUALIFICATION,
    /** 人员录用 */
    RECRUITMENT,
    /** 限制任职 */
    OFFICE_HOLDING,
    /** 行业准入 */
    MARKET_ENTRY,
    /** 资金扶持 */
    SUBSIDY,
    /** 项目备案 */
    PROJECT_FILING,
    /** 升学复学 */
    SCHOOLING,
    /** 税收优惠 */
    TAX_PREFERENCE,
    /** 市场监管 */
    MARKET_SUPERVISION,
    /** 限制消费 */
    CONSUMPTION,
    /** 招标投标 */
    BIDDING,
    /** 政府采购 */
    GOVERNMENT_PROCUREMENT,
    /** 金融信贷 */
    FINANCE_CREDIT
}
