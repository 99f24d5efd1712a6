package org.creditledger.catalogue.api;

/** Whether a list rewards or restricts its subjects. */
public enum ListColour {
    /** 守信激励名单 (红名单), e.g. A级纳税人 */
    RED,
    /** 严重失信主体名单 (黑名单), e.g. 失信被执行人 */
    BLACK
}
