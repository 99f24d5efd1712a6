package org.creditledger.platform.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.CurrentCaller;
import org.creditledger.platform.web.CachedBodyRequest;
import org.creditledger.platform.web.ProblemResponses;
import org.creditledger.platform.web.ProblemType;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Idempotency-Key} on writes: the first successful response to (API key, Idempotency-Key) is stored and
 * replayed for every repeat with the same request, so a client that retries after a timeout never writes twice.
 * The same key with a different request → 409. A failed first attempt (4xx/5xx) wrote nothing and is forgotten,
 * so the client may correct the request and retry with the same key.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 20) // after Spring Security: nothing reads a body before the key is known
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final IdempotentRequests requests;
    private final ProblemResponses problems;

    IdempotencyFilter(IdempotentRequests requests, ProblemResponses problems) {
        this.requests = requests;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod())
                || CurrentCaller.of(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 200) {
            problems.write(response, ProblemType.VALIDATION, "Idempotency-Key must have 1 to 200 characters.");
            return;
        }
        Caller caller = CurrentCaller.of(request).orElseThrow();
        byte[] hash = requestHash(request);
        Optional<IdempotentRequests.Stored> previous = requests.begin(caller.keyId(), key, hash);
        if (previous.isPresent()) {
            replayOrRefuse(previous.get(), hash, response);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() < 400) {
                requests.complete(caller.keyId(), key, wrapper.getStatus(), wrapper.getContentType(),
                        wrapper.getHeader(HttpHeaders.LOCATION), wrapper.getContentAsByteArray());
                completed = true;
            }
        } finally {
            if (!completed) {
                requests.forget(caller.keyId(), key);
            }
            wrapper.copyBodyToResponse();
        }
    }

    private void replayOrRefuse(IdempotentRequests.Stored stored, byte[] hash, HttpServletResponse response) throws IOException {
        if (!MessageDigest.isEqual(stored.requestHash(), hash)) {
            problems.write(response, ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
        } else if (!stored.completed()) {
            problems.write(response, ProblemType.IDEMPOTENT_REQUEST_IN_PROGRESS,
                    "The first request with this Idempotency-Key is still being processed; retry shortly.");
        } else {
            response.setStatus(stored.status());
            if (stored.contentType() != null) {
                response.setContentType(stored.contentType());
            }
            if (stored.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, stored.location());
            }
            response.setHeader("Idempotent-Replay", "true");
            response.getOutputStream().write(stored.body());
        }
    }

    private static byte[] requestHash(HttpServletRequest request) throws IOException, ServletException {
        MessageDigest digest = sha256();
        digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        if (request instanceof CachedBodyRequest cached) {
            digest.update(cached.body());
        } else if (request.getContentType() != null && request.getContentType().toLowerCase().startsWith("multipart/")) {
            for (Part part : request.getParts()) {
                digest.update((part.getName() + "\n" + part.getSubmittedFileName() + "\n").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = part.getInputStream()) {
                    byte[] buffer = new byte[65536];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
