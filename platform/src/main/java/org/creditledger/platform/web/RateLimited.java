package org.creditledger.platform.web;

import org.creditledger.platform.i18n.Text;

import java.time.Duration;

/** 429: the caller used up its allowance for now. */
public class RateLimited extends RetryLater {

    public RateLimited(Text detail, Duration retryAfter) {
        super(ProblemType.RATE_LIMITED, detail, retryAfter);
    }
}
