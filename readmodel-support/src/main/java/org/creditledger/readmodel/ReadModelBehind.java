package org.creditledger.readmodel;

import org.creditledger.platform.web.Unavailable;

import java.time.Duration;

/**
 * A read model has not reached the event a read must show within {@code ledger.read.catch-up-timeout}: the read answers
 * 503 with {@code Retry-After} instead of a stale "not found" or stale figures.
 */
public class ReadModelBehind extends Unavailable {

    ReadModelBehind(String processingGroup, long position, Duration waited) {
        super("The read model " + processingGroup + " has not yet processed event " + position + " (waited " + waited
                + "); no answer was given rather than an outdated one. Try again shortly.", Duration.ofSeconds(1));
    }
}
