package org.creditledger.platform.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.creditledger.platform.web.ProblemResponses;
import org.creditledger.platform.web.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/** Authenticates every {@code /api/v1} request by its {@code X-Api-Key}; missing or unknown → 401. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final ApiKeys apiKeys;
    private final ProblemResponses problems;

    ApiKeyFilter(ApiKeys apiKeys, ProblemResponses problems) {
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = apiKeys.authenticate(request.getHeader(HEADER));
        if (caller.isEmpty()) {
            String detail = request.getHeader(HEADER) == null ? "Send your API key in the X-Api-Key header." : "Unknown API key.";
            problems.write(response, ProblemType.UNAUTHENTICATED, detail);
            return;
        }
        CurrentCaller.set(request, caller.get());
        chain.doFilter(request, response);
    }
}
