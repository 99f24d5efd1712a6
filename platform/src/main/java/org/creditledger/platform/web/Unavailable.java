package org.creditledger.platform.web;

import org.creditledger.platform.i18n.Text;

import java.time.Duration;

/**
 * 503: the ledger cannot give a true answer right now (a read model has not reached what the read must show, the
 * database is unreachable), and says so instead of answering stale.
 */
public class Unavailable extends RetryLater {

    public Unavailable(Text detail, Duration retryAfter) {
        super(ProblemType.UNAVAILABLE, detail, retryAfter);
    }
}
