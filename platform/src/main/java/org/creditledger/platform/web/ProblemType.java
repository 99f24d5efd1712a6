package org.creditledger.platform.web;

import org.springframework.http.HttpStatus;

import java.net.URI;

/**
 * The stable problem types of the API (RFC 7807 {@code type}). Clients switch on these URIs, never on titles.
 */
public enum ProblemType {
    VALIDATION("validation", HttpStatus.BAD_REQUEST, "The request is not valid"),
    MALFORMED("malformed-request", HttpStatus.BAD_REQUEST, "The request body cannot be read"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The request body has an unsupported media type"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "This resource cannot be answered in a media type the request accepts"),
    REJECTED_REQUEST("rejected-request", HttpStatus.BAD_REQUEST, "The request's path or headers are not accepted"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "A valid API key is required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "This API key may not do that"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "No such resource"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "The request conflicts with the ledger's state"),
    CONCURRENT_MODIFICATION("concurrent-modification", HttpStatus.CONFLICT, "Someone else changed this record at the same time"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.CONFLICT, "The Idempotency-Key was already used for another request"),
    IDEMPOTENT_REQUEST_IN_PROGRESS("idempotent-request-in-progress", HttpStatus.CONFLICT, "A request with this Idempotency-Key is still being processed"),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests; retry after the time in Retry-After"),
    IDEMPOTENT_REQUEST_UNANSWERED("idempotent-request-unanswered", HttpStatus.CONFLICT, "The request with this Idempotency-Key was recorded, but its response was lost"),
    UNPROCESSABLE("unprocessable", HttpStatus.UNPROCESSABLE_ENTITY, "The request refers to something the ledger cannot accept"),
    INTERNAL("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "The ledger cannot answer this right now");

    private static final String BASE = "urn:credit-ledger:problem:";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
