package org.creditledger.unit.api;

/** What kind of body a unit is; counties and districts get targets from their enterprise counts (seed 000). */
public enum UnitKind {
    /** 市级部门 */
    MUNICIPAL_DEPARTMENT,
    /** 中央、省驻地方单位, e.g. 人民银行广元市分行 */
    CENTRAL_AGENCY_BRANCH,
    /** 开发区、园区管委会 */
    DEVELOPMENT_ZONE,
    /** 县 */
    COUNTY,
    /** 区 */
    DISTRICT,
    /** 企业 */
    ENTERPRISE,
    OTHER
}
