package org.creditledger.platform.web;

import java.time.Duration;

/**
 * 429: the caller used up its allowance for now. {@link ProblemAdvice} answers with {@code Retry-After} set to
 * {@link #retryAfterSeconds()}; filters outside Spring MVC set that header themselves.
 */
public class RateLimited extends LedgerProblem {

    private final long retryAfterSeconds;

    public RateLimited(String detail, Duration retryAfter) {
        super(ProblemType.RATE_LIMITED, detail);
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Whole seconds, rounded up, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
