package org.creditledger.listing.api;

import org.creditledger.ids.RandomUuids;

import java.util.Objects;
import java.util.UUID;

/** Identifies one credit repair application (信用修复申请) for a list entry. */
public record RepairId(UUID value) {

    public RepairId {
        Objects.requireNonNull(value, "value");
    }

    public static RepairId random() {
        return new RepairId(RandomUuids.next());
    }

    public static RepairId parse(String value) {
        return new RepairId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
