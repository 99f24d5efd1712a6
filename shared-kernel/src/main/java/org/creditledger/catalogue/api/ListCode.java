package org.creditledger.catalogue.api;

import org.creditledger.text.api.InvalidValue;

/** Identifies a list definition (名单) in the catalogue, e.g. {@code DISHONEST_JUDGMENT_DEBTOR} for 失信被执行人名单. */
public record ListCode(String value) implements Comparable<ListCode> {

    /** The message code of the format rule ({@code i18n/values_*.properties}). */
    public static final String RULE = "catalogue.list-code.format";

    public ListCode {
        if (!CatalogueCode.isValid(value)) {
            throw new InvalidValue(RULE);
        }
    }

    public static boolean isValid(String value) {
        return CatalogueCode.isValid(value);
    }

    @Override
    public int compareTo(ListCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
