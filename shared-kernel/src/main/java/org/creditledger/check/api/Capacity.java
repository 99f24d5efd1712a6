package org.creditledger.check.api;

/** In which capacity a check found the checked code named on an entry. */
public enum Capacity {
    /** The code is the entry's subject. */
    SUBJECT,
    /** The code is the 身份证 number of the legal representative (法定代表人) the entry names. */
    LEGAL_REPRESENTATIVE,
    /** The code is the 身份证 number of a responsible person (主要负责人 / 直接责任人) the entry names. */
    RESPONSIBLE_PERSON
}
