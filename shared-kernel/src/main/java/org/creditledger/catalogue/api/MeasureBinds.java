package org.creditledger.catalogue.api;

/**
 * Whom a measure binds (seed 002 §四, §十一): a legal person's 失信 is also recorded against its 法定代表人 and its
 * 主要负责人 / 直接责任人, and measures such as 限制担任 or 限制高消费 apply to them.
 */
public enum MeasureBinds {
    /** The listed subject only: every measure saved before persons were checked. */
    SUBJECT,
    /** The persons the entry names (legal representative, responsible persons), not the subject. */
    PERSONS,
    /** The subject and the persons its entries name. */
    BOTH;

    /** A measure saved without saying whom it binds binds the subject. */
    public static MeasureBinds orDefault(MeasureBinds binds) {
        return binds == null ? SUBJECT : binds;
    }

    public boolean bindsSubject() {
        return this != PERSONS;
    }

    public boolean bindsPersons() {
        return this != SUBJECT;
    }
}
