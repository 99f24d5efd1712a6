package org.creditledger.platform.web;

import org.creditledger.platform.i18n.Text;

import java.time.Duration;

/**
 * A problem the client may resolve by waiting: {@link ProblemAdvice} answers it with {@code Retry-After} set to
 * {@link #retryAfterSeconds()}; filters outside Spring MVC set that header themselves.
 */
public abstract class RetryLater extends LedgerProblem {

    private final long retryAfterSeconds;

    protected RetryLater(ProblemType type, Text detail, Duration retryAfter) {
        super(type, detail);
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Whole seconds, rounded up, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
