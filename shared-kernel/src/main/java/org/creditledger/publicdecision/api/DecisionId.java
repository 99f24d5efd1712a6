package org.creditledger.publicdecision.api;

import org.creditledger.ids.RandomUuids;

import java.util.Objects;
import java.util.UUID;

/** Identifies one administrative licensing or penalty decision recorded for publication (双公示). */
public record DecisionId(UUID value) {

    public DecisionId {
        Objects.requireNonNull(value, "value");
    }

    public static DecisionId random() {
        return new DecisionId(RandomUuids.next());
    }

    public static DecisionId parse(String value) {
        return new DecisionId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
