package org.creditledger.catalogue.api;

public enum MeasureKind {
    /** 失信惩戒措施 */
    PUNISHMENT,
    /** 守信激励措施 */
    INCENTIVE
}
