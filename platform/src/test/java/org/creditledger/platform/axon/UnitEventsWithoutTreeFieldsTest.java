package org.creditledger.platform.axon;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.creditledger.unit.api.QuotaCounting;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.api.UnitKind;
import org.creditledger.unit.api.UnitMessages.QuotaTargetSetEvent;
import org.creditledger.unit.api.UnitMessages.UnitChangedEvent;
import org.creditledger.unit.api.UnitMessages.UnitRegisteredEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit events stored before units had parents and targets had a ratio form (issue 15 §3) read as "no parent", "own
 * letters only" and "given as a number": the new fields are nullable and last, so revision 1 stays.
 */
class UnitEventsWithoutTreeFieldsTest {

    private final Serializer serializer = new AxonStorageConfiguration().ledgerSerializer();

    @Test
    void aUnitRegisteredBeforeParentsExistedHasNone() {
        UnitRegisteredEvent read = read("""
                {"unitId":{"value":"gy-cangxi"},"name":"苍溪县","kind":"COUNTY"}""", UnitRegisteredEvent.class);
        assertThat(read).isEqualTo(new UnitRegisteredEvent(new UnitId("gy-cangxi"), "苍溪县", UnitKind.COUNTY, null));
        UnitChangedEvent changed = read("""
                {"unitId":{"value":"gy-cangxi"},"name":"苍溪县人民政府","kind":"COUNTY"}""", UnitChangedEvent.class);
        assertThat(changed.parentUnitId()).isNull();
    }

    @Test
    void aTargetSetBeforeRatiosExistedIsANumberCountingTheUnitsOwnLetters() {
        QuotaTargetSetEvent read = read("""
                {"unitId":{"value":"gy-cangxi"},"year":2025,"annualTarget":20000,"counting":"EACH","quarterlyRule":true}""",
                QuotaTargetSetEvent.class);
        assertThat(read.annualTarget()).isEqualTo(20000);
        assertThat(read.counting()).isEqualTo(QuotaCounting.EACH);
        assertThat(read.countsSubUnits()).isFalse();
        assertThat(read.ratioOfExisting()).isNull();
        assertThat(read.existingEnterprises()).isNull();
    }

    @Test
    void aRatioTargetRoundTrips() {
        QuotaTargetSetEvent target = new QuotaTargetSetEvent(new UnitId("gy-cangxi"), 2025, 20000, QuotaCounting.EACH, true,
                true, new BigDecimal("0.5"), 40000);
        byte[] stored = serializer.serialize(target, byte[].class).getData();
        assertThat(read(new String(stored, StandardCharsets.UTF_8), QuotaTargetSetEvent.class)).isEqualTo(target);
    }

    private <T> T read(String json, Class<T> type) {
        return serializer.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class, type.getName(), "1"));
    }
}
