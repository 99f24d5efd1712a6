package org.creditledger.listing.api;

import org.creditledger.ids.RandomUuids;

import java.util.Objects;
import java.util.UUID;

/** Identifies one objection (异议) filed against a list entry. */
public record ObjectionId(UUID value) {

    public ObjectionId {
        Objects.requireNonNull(value, "value");
    }

    public static ObjectionId random() {
        return new ObjectionId(RandomUuids.next());
    }

    public static ObjectionId parse(String value) {
        return new ObjectionId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
