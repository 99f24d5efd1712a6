package org.creditledger.catalogue.api;

import org.creditledger.text.api.InvalidValue;

/** Identifies a measure (惩戒或激励措施) in the catalogue, e.g. {@code RESTRICT_GOVERNMENT_PROCUREMENT}. */
public record MeasureCode(String value) {

    /** The message code of the format rule ({@code i18n/values_*.properties}). */
    public static final String RULE = "catalogue.measure-code.format";

    public MeasureCode {
        if (!CatalogueCode.isValid(value)) {
            throw new InvalidValue(RULE);
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
