package org.creditledger.platform.idempotency;

import java.time.Clock;

/** Deletes keys first used longer ago than {@code ledger.idempotency.retention}; a retry after that is a new request. */
public class IdempotencyRetention {

    private final IdempotentRequests requests;
    private final IdempotencySettings settings;
    private final Clock clock;

    IdempotencyRetention(IdempotentRequests requests, IdempotencySettings settings, Clock clock) {
        this.requests = requests;
        this.settings = settings;
        this.clock = clock;
    }

    /** The number of keys deleted. */
    public int deleteExpired() {
        return requests.deleteCreatedBefore(clock.instant().minus(settings.retention()));
    }
}
