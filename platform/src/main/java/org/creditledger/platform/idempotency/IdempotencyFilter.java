package org.creditledger.platform.idempotency;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.CurrentCaller;
import org.creditledger.platform.i18n.Text;
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
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * {@code Idempotency-Key} on writes: the first successful response to (API key, Idempotency-Key) is stored and
 * replayed for every repeat with the same request, so a client that retries after a timeout never writes twice.
 *
 * <ul>
 * <li>Same request: method, path, query and body; a JSON body is compared as canonical JSON (keys sorted, whitespace
 * dropped), so a client that serialises its map in another order still gets the replay. The same key with a different
 * request → 409 {@code idempotency-key-reused}.</li>
 * <li>A failed attempt (4xx/5xx, or an exception) that wrote nothing releases the key: the client may correct the
 * request and retry with it.</li>
 * <li>An attempt that wrote and then failed (an exception after the command committed, the response could not be
 * stored) keeps the key: each command sent while a key is held marks it {@code WRITTEN} in the command's own
 * transaction ({@link IdempotentWrites}), so the mark and the events commit together. A retry then gets 409
 * {@code idempotent-request-unanswered}: the write happened once, its response was lost, read the resource instead
 * of retrying. The response is stored before it is sent, so a client that disconnects gets the replay.</li>
 * <li>A retry while the first attempt runs → 409 {@code idempotent-request-in-progress}. An attempt still
 * {@code IN_PROGRESS} after {@code ledger.idempotency.in-progress-expiry} died before writing (a write would have
 * marked it), and the retry takes the key over and runs; should the old attempt still be alive and send its command
 * later, that command finds the key taken and writes nothing. A {@code WRITTEN} key whose attempt is older than the
 * expiry is {@code unanswered}.</li>
 * <li>A successful response its handler marked with {@link #doNotKeepResponse} (a new API key's secret) is not kept: the key
 * stays {@code UNANSWERED}, so a retry writes nothing and is told to read the resource.</li>
 * <li>Keys are kept for {@code ledger.idempotency.retention} (7 days by default), then deleted
 * ({@link IdempotencyRetention}).</li>
 * </ul>
 * Only writes made through Axon commands in the request thread are tied to the key this way; writes made otherwise
 * (an API key created, an import accepted, a counter check recorded by its writer thread) are covered by the stored
 * response alone, as before.
 *
 * <p>Counted: {@code ledger.idempotency.replays} (stored responses sent again) and {@code ledger.idempotency.conflicts}
 * by {@code reason} ({@code key-reused}, {@code in-progress}, {@code unanswered}).
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 20) // after Spring Security: nothing reads a body before the key is known
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final String DO_NOT_KEEP = IdempotencyFilter.class.getName() + ".doNotKeep";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final IdempotentRequests requests;
    private final ProblemResponses problems;
    private final IdempotencySettings settings;
    private final Clock clock;
    private final Counter replays;
    private final Counter keyReused;
    private final Counter inProgress;
    private final Counter unanswered;

    IdempotencyFilter(IdempotentRequests requests, ProblemResponses problems, IdempotencySettings settings, Clock clock,
                      MeterRegistry meters) {
        this.requests = requests;
        this.problems = problems;
        this.settings = settings;
        this.clock = clock;
        this.replays = Counter.builder("ledger.idempotency.replays")
                .description("Repeated requests answered with the stored response of their Idempotency-Key").register(meters);
        this.keyReused = conflicts(meters, "key-reused");
        this.inProgress = conflicts(meters, "in-progress");
        this.unanswered = conflicts(meters, "unanswered");
    }

    private static Counter conflicts(MeterRegistry meters, String reason) {
        return Counter.builder("ledger.idempotency.conflicts").tag("reason", reason)
                .description("Repeated Idempotency-Keys refused with 409: key-reused (another request), in-progress "
                        + "(the first still runs), unanswered (it wrote, its response was lost)").register(meters);
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
            problems.write(request, response, ProblemType.VALIDATION, Text.of("problem.idempotency-key.length", 1, 200));
            return;
        }
        Caller caller = CurrentCaller.of(request).orElseThrow();
        byte[] hash = requestHash(request);
        IdempotentRequests.Claim claim = requests.begin(caller.keyId(), key, hash);
        if (claim instanceof IdempotentRequests.Claim.Taken taken) {
            replayOrRefuse(taken.stored(), hash, request, response);
            return;
        }
        UUID attempt = ((IdempotentRequests.Claim.Claimed) claim).attempt();
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        IdempotentWrites.begin(new IdempotentWrites.Attempt(caller.keyId(), key, attempt));
        try {
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() < 400 && request.getAttribute(DO_NOT_KEEP) != null) {
                requests.withheld(caller.keyId(), key, attempt);
                completed = true;
            } else if (wrapper.getStatus() < 400) {
                requests.complete(caller.keyId(), key, attempt, wrapper.getStatus(), wrapper.getContentType(),
                        wrapper.getHeader(HttpHeaders.LOCATION), wrapper.getContentAsByteArray());
                completed = true;
            }
        } finally {
            IdempotentWrites.end();
            if (!completed) {
                requests.failed(caller.keyId(), key, attempt);
            }
        }
        // Only a response that was stored (or an error) goes out: an exception above leaves the buffered body unsent.
        wrapper.copyBodyToResponse();
    }

    /** A handler whose response must not be kept (a new key's secret, shown once) says so on its request. */
    public static void doNotKeepResponse(HttpServletRequest request) {
        request.setAttribute(DO_NOT_KEEP, Boolean.TRUE);
    }

    private void replayOrRefuse(IdempotentRequests.Stored stored, byte[] hash, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean expired = stored.claimedAt().isBefore(clock.instant().minus(settings.inProgressExpiry()));
        if (!MessageDigest.isEqual(stored.requestHash(), hash)) {
            keyReused.increment();
            problems.write(request, response, ProblemType.IDEMPOTENCY_KEY_REUSED, Text.of("problem.idempotency-key.reused"));
        } else if (stored.state() == IdempotentRequests.State.IN_PROGRESS
                || (stored.state() == IdempotentRequests.State.WRITTEN && !expired)) {
            inProgress.increment();
            problems.write(request, response, ProblemType.IDEMPOTENT_REQUEST_IN_PROGRESS, Text.of("problem.idempotency-key.in-progress"));
        } else if (stored.state() != IdempotentRequests.State.COMPLETED) {
            unanswered.increment();
            problems.write(request, response, ProblemType.IDEMPOTENT_REQUEST_UNANSWERED, Text.of("problem.idempotency-key.unanswered"));
        } else {
            replays.increment();
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
        if (request instanceof CachedBodyRequest cached) {
            return hash(request.getMethod(), request.getRequestURI(), request.getQueryString(),
                    isJson(request) ? canonicalJson(cached.body()) : cached.body());
        }
        MessageDigest digest = requestLine(request.getMethod(), request.getRequestURI(), request.getQueryString());
        if (request.getContentType() != null && request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
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

    /** The hash of a request with a buffered body (canonical already, if JSON). */
    static byte[] hash(String method, String uri, String query, byte[] body) {
        MessageDigest digest = requestLine(method, uri, query);
        digest.update(body);
        return digest.digest();
    }

    private static MessageDigest requestLine(String method, String uri, String query) {
        MessageDigest digest = sha256();
        digest.update((method + " " + uri + "?" + query + "\n").getBytes(StandardCharsets.UTF_8));
        return digest;
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).contains("json");
    }

    /**
     * The body with object keys sorted and no whitespace; the body itself when it is not JSON (the endpoint will
     * refuse it, and a byte comparison is all that is left).
     */
    static byte[] canonicalJson(byte[] body) {
        try {
            return CANONICAL.writeValueAsBytes(CANONICAL.readValue(body, Object.class));
        } catch (IOException notJson) {
            return body;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
