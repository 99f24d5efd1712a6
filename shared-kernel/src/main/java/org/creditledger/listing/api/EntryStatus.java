package org.creditledger.listing.api;

/**
 * Where a list entry stands: {@code ACTIVE} from the listing decision (列入) until it exits (移出), then
 * {@code EXITED} for good. Whether an objection is open ("disputed") is a flag beside the status, not a status.
 */
public enum EntryStatus {
    ACTIVE, EXITED
}
