package org.creditledger.jointaction.api;

import org.creditledger.ids.RandomUuids;

import java.util.Objects;
import java.util.UUID;

/** Identifies one joint reward or punishment case (联合奖惩案例). */
public record JointActionId(UUID value) {

    public JointActionId {
        Objects.requireNonNull(value, "value");
    }

    public static JointActionId random() {
        return new JointActionId(RandomUuids.next());
    }

    public static JointActionId parse(String value) {
        return new JointActionId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
