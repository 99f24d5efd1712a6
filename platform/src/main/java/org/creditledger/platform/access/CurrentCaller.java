package org.creditledger.platform.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The caller of the current request, as Spring Security authenticated it from the request's {@code X-Api-Key}. */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    /** The request is unused: the caller lives in the security context of the thread serving it. */
    public static Optional<Caller> of(HttpServletRequest request) {
        return current();
    }

    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }
}
