package org.creditledger.platform.axon;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.testing.SettingsBinding.defaults;
import static org.creditledger.testing.SettingsBinding.refusal;

class EventStorePropertiesTest {

    @Test
    void defaultsAreThoseTheEventStoreAlwaysHad() {
        assertThat(defaults(EventStoreProperties.class))
                .isEqualTo(new EventStoreProperties(500, 60_000, Duration.ofMillis(100), 10_000));
    }

    @Test
    void aBatchSizeGapTimeoutOrCacheBelowOneOrAZeroFetchDelayStopsTheStartNamingTheSetting() {
        assertThat(refusal(EventStoreProperties.class, Map.of("ledger.event-store.batch-size", "-5")))
                .isEqualTo("ledger.event-store.batch-size: must be greater than or equal to 1");
        assertThat(refusal(EventStoreProperties.class, Map.of("ledger.event-store.gap-timeout-ms", "0")))
                .isEqualTo("ledger.event-store.gap-timeout-ms: must be greater than or equal to 1");
        assertThat(refusal(EventStoreProperties.class, Map.of("ledger.event-store.fetch-delay", "0ms")))
                .startsWith("ledger.event-store.fetch-delay: must be");
        assertThat(refusal(EventStoreProperties.class, Map.of("ledger.event-store.cached-events", "0")))
                .isEqualTo("ledger.event-store.cached-events: must be greater than or equal to 1");
    }
}
