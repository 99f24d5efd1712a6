package org.creditledger.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.testing.SettingsBinding.bind;
import static org.creditledger.testing.SettingsBinding.defaults;
import static org.creditledger.testing.SettingsBinding.refusal;

class HttpPropertiesTest {

    @Test
    void jsonBodiesMayHaveTwoMegabytesUnlessConfigured() {
        assertThat(defaults(HttpProperties.class).maxJsonBody()).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(bind(HttpProperties.class, Map.of("ledger.http.max-json-body", "512KB")).maxJsonBody())
                .isEqualTo(DataSize.ofKilobytes(512));
    }

    @Test
    void aLimitOfNoBytesStopsTheStartNamingTheSetting() {
        assertThat(refusal(HttpProperties.class, Map.of("ledger.http.max-json-body", "0B")))
                .isEqualTo("ledger.http.max-json-body must be at least 1 byte; it is 0B.");
    }
}
