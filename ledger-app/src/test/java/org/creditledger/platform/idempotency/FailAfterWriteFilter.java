package org.creditledger.platform.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Test only: a request carrying {@value #HEADER} fails after its controller returned, i.e. after its command
 * committed, as a request does whose response cannot be produced. Runs last, inside the idempotency filter.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class FailAfterWriteFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Test-Fail-After-Write";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        throw new ServletException("simulated failure after the write committed");
    }
}
