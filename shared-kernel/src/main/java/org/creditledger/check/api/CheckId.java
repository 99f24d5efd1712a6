package org.creditledger.check.api;

import org.creditledger.ids.RandomUuids;

import java.util.Objects;
import java.util.UUID;

/**
 * The receipt number of one counter check (核查回执). It is also the identifier of the {@code SubjectCheckedEvent}
 * that records the check, so the receipt is read straight from the event store.
 */
public record CheckId(UUID value) {

    public CheckId {
        Objects.requireNonNull(value, "value");
    }

    public static CheckId random() {
        return new CheckId(RandomUuids.next());
    }

    public static CheckId parse(String value) {
        return new CheckId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
