package org.creditledger.unit.api;

import org.creditledger.text.api.InvalidValue;

import java.util.regex.Pattern;

/**
 * Identifies a unit (考核单位 / 责任单位): a department, county, district, park or enterprise that owes quotas.
 * Chosen by the administrator, e.g. {@code gy-market-regulation} for 广元市市场监管局.
 */
public record UnitId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public UnitId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValue("unit.id.format");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
