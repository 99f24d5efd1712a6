package org.creditledger.platform.web;

import org.creditledger.platform.i18n.Text;
import org.springframework.http.HttpStatus;

import java.net.URI;

/**
 * The stable problem types of the API (RFC 7807 {@code type}). Clients switch on these URIs, never on titles, which
 * are worded in the reader's language.
 */
public enum ProblemType {
    VALIDATION("validation", HttpStatus.BAD_REQUEST),
    MALFORMED("malformed-request", HttpStatus.BAD_REQUEST),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE),
    REJECTED_REQUEST("rejected-request", HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
    CONFLICT("conflict", HttpStatus.CONFLICT),
    CONCURRENT_MODIFICATION("concurrent-modification", HttpStatus.CONFLICT),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.CONFLICT),
    IDEMPOTENT_REQUEST_IN_PROGRESS("idempotent-request-in-progress", HttpStatus.CONFLICT),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS),
    IDEMPOTENT_REQUEST_UNANSWERED("idempotent-request-unanswered", HttpStatus.CONFLICT),
    UNPROCESSABLE("unprocessable", HttpStatus.UNPROCESSABLE_ENTITY),
    INTERNAL("internal-error", HttpStatus.INTERNAL_SERVER_ERROR),
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    private static final String BASE = "urn:credit-ledger:problem:";

    private final String slug;
    private final HttpStatus status;
    ProblemType(String slug, HttpStatus status) {
        this.slug = slug;
        this.status = status;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public HttpStatus status() {
        return status;
    }

    /** The title in the reader's language: {@code problem.title.<slug>} in {@code i18n/problems_*.properties}. */
    public Text title() {
        return Text.of("problem.title." + slug);
    }
}
