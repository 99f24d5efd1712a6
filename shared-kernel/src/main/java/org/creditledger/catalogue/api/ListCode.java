package org.creditledger.catalogue.api;

/** Identifies a list definition (名单) in the catalogue, e.g. {@code DISHONEST_JUDGMENT_DEBTOR} for 失信被执行人名单. */
public record ListCode(String value) implements Comparable<ListCode> {

    public static final String RULE = "a list code has " + CatalogueCode.RULE;

    public ListCode {
        if (!CatalogueCode.isValid(value)) {
            throw new IllegalArgumentException(RULE);
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
