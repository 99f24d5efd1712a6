package org.creditledger.publicdecision.api;

/** Where a unit published a decision (seed 000: 门户网站 and 信用中国（四川广元）; 市场监管: 国家企业信用信息公示系统). */
public enum PublicationChannel {
    /** The unit's own portal (门户网站). */
    PORTAL,
    /** A 信用中国 site (信用中国, 信用中国（四川广元）…). */
    CREDIT_CHINA,
    /** 国家企业信用信息公示系统. */
    ENTERPRISE_CREDIT_PUBLICITY,
    /** Another site the unit names elsewhere. */
    OTHER
}
