package org.creditledger.catalogue.api;

/** Identifies a measure (惩戒或激励措施) in the catalogue, e.g. {@code RESTRICT_GOVERNMENT_PROCUREMENT}. */
public record MeasureCode(String value) {

    public static final String RULE = "a measure code has " + CatalogueCode.RULE;

    public MeasureCode {
        if (!CatalogueCode.isValid(value)) {
            throw new IllegalArgumentException(RULE);
        }
    }

    public static boolean isValid(String value) {
        return CatalogueCode.isValid(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
