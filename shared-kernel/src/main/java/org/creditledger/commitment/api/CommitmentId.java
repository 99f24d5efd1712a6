package org.creditledger.commitment.api;

import org.creditledger.ids.RandomUuids;

import java.util.Objects;
import java.util.UUID;

/** Identifies one credit commitment letter (信用承诺书) in the ledger. */
public record CommitmentId(UUID value) {

    public CommitmentId {
        Objects.requireNonNull(value, "value");
    }

    public static CommitmentId random() {
        return new CommitmentId(RandomUuids.next());
    }

    public static CommitmentId parse(String value) {
        return new CommitmentId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
