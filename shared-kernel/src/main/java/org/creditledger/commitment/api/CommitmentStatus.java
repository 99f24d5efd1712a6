package org.creditledger.commitment.api;

/**
 * Where a commitment stands. {@code POSTED → FULFILLED | BREACHED}; a commitment whose due date passed without an
 * outcome is {@code OVERDUE} and may still get one. FULFILLED and BREACHED are final.
 */
public enum CommitmentStatus {
    POSTED, OVERDUE, FULFILLED, BREACHED;

    public boolean isFinal() {
        return this == FULFILLED || this == BREACHED;
    }
}
