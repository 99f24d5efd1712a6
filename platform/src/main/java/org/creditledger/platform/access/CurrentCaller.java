package org.creditledger.platform.access;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/** The caller of a request, stored by {@link ApiKeyFilter} as a request attribute. */
public final class CurrentCaller {

    private static final String ATTRIBUTE = Caller.class.getName();

    private CurrentCaller() {
    }

    static void set(HttpServletRequest request, Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }

    public static Optional<Caller> of(HttpServletRequest request) {
        return Optional.ofNullable((Caller) request.getAttribute(ATTRIBUTE));
    }
}
