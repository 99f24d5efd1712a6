package org.creditledger.platform.web;

import java.time.Duration;

/** 429: the caller used up its allowance for now. */
public class RateLimited extends RetryLater {

    public RateLimited(String detail, Duration retryAfter) {
        super(ProblemType.RATE_LIMITED, detail, retryAfter);
    }
}
