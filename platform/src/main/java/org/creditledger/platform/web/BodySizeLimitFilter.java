package org.creditledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.creditledger.platform.i18n.Text;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses JSON bodies over {@link HttpProperties#maxJsonBody()} (default 2 MB) with 413 before anything reads them.
 * Uploads (multipart) have their own limit, {@code spring.servlet.multipart.max-file-size}; the console's form posts
 * ({@code application/x-www-form-urlencoded}) Tomcat's {@code maxPostSize} (2 MB), and they must reach Spring MVC unread,
 * so that their parameters can be parsed.
 */
@Component
@EnableConfigurationProperties(HttpProperties.class)
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10) // after Spring Security: nothing reads a body before the key is known
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;
    private final long maxBytes;

    BodySizeLimitFilter(ProblemResponses problems, HttpProperties http) {
        this.problems = problems;
        this.maxBytes = http.maxJsonBody().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.toLowerCase().startsWith("multipart/")
                || type.toLowerCase().startsWith("application/x-www-form-urlencoded"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            problems.write(request, response, ProblemType.PAYLOAD_TOO_LARGE, Text.of("problem.payload-too-large.length", length, maxBytes));
            return;
        }
        CachedBodyRequest cached = CachedBodyRequest.read(request, maxBytes);
        if (cached == null) {
            problems.write(request, response, ProblemType.PAYLOAD_TOO_LARGE, Text.of("problem.payload-too-large.body", maxBytes));
            return;
        }
        chain.doFilter(cached, response);
    }
}
