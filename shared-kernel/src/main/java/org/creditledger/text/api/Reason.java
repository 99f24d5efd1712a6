package org.creditledger.text.api;

import java.util.Arrays;
import java.util.List;

/**
 * Why a value was refused, as a message code and its arguments: the kernel names the reason, the application's
 * message bundles word it in the reader's language ({@code i18n/values_*.properties}). An argument may itself be a
 * {@code Reason} (a code that is neither of two kinds, each for its own reason).
 */
public record Reason(String code, List<Object> arguments) {

    public Reason {
        arguments = List.copyOf(arguments);
    }

    public static Reason of(String code, Object... arguments) {
        return new Reason(code, Arrays.asList(arguments));
    }

    @Override
    public String toString() {
        return arguments.isEmpty() ? code : code + " " + arguments;
    }
}
