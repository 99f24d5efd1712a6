package org.creditledger.subject;

/**
 * What sort of credit subject (信用主体) a record is about; decides which code identifies it.
 */
public enum SubjectKind {

    /**
     * A legal person or unincorporated organisation (法人和非法人组织), identified by a
     * {@link Uscc} that does not start with {@code 92}.
     */
    LEGAL_PERSON,

    /** An individual business (个体工商户), identified by a {@link Uscc} starting with {@code 92}. */
    INDIVIDUAL_BUSINESS,

    /** A natural person (自然人), identified by an 18-character {@link ResidentId}. */
    NATURAL_PERSON
}
