package org.creditledger.listing.api;

import org.creditledger.ids.RandomUuids;

import java.util.Objects;
import java.util.UUID;

/** Identifies one subject's entry on one list (列入 … 移出). */
public record EntryId(UUID value) {

    public EntryId {
        Objects.requireNonNull(value, "value");
    }

    public static EntryId random() {
        return new EntryId(RandomUuids.next());
    }

    public static EntryId parse(String value) {
        return new EntryId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
