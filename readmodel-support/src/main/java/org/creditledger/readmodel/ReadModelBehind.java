package org.creditledger.readmodel;

import org.creditledger.platform.web.Unavailable;

import java.time.Duration;
import org.creditledger.platform.i18n.Text;

/**
 * A read model has not reached the event a read must show within {@code ledger.read.catch-up-timeout}: the read answers
 * 503 with {@code Retry-After} instead of a stale "not found" or stale figures.
 */
public class ReadModelBehind extends Unavailable {

    ReadModelBehind(String processingGroup, long position, Duration waited) {
        super(Text.of("readmodel.behind", processingGroup, position, waited.toString()), Duration.ofSeconds(1));
    }
}
