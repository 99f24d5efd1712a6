package org.creditledger.platform.web;

import java.time.Duration;

/**
 * 503: the ledger cannot give a true answer right now (a read model has not reached what the read must show, the
 * database is unreachable), and says so instead of answering stale. {@link ProblemAdvice} answers with
 * {@code Retry-After} set to {@link #retryAfterSeconds()}.
 */
public class Unavailable extends LedgerProblem {

    private final long retryAfterSeconds;

    public Unavailable(String detail, Duration retryAfter) {
        super(ProblemType.UNAVAILABLE, detail);
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Whole seconds, rounded up, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
