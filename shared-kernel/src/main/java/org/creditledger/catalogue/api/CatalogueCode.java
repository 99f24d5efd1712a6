package org.creditledger.catalogue.api;

import java.util.regex.Pattern;

/** The format shared by list and measure codes: upper-case letters, digits and '_', e.g. {@code DISHONEST_JUDGMENT_DEBTOR}. */
final class CatalogueCode {

    static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    private CatalogueCode() {
    }

    static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}
