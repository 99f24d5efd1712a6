package org.creditledger.audit.timeline;

import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A period a person types as dates means whole days in Asia/Shanghai, whatever the server's zone (tests run in UTC). */
class AuditParametersTest {

    @Test
    void aDateFromIsTheStartOfThatShanghaiDayAndADateToTheStartOfTheNext() {
        AuditParameters parameters = new AuditParameters();
        assertThat(parameters.instantOrDay("from", "2025-03-03", false)).isEqualTo(Instant.parse("2025-03-02T16:00:00Z"));
        assertThat(parameters.instantOrDay("to", "2025-03-03", true)).isEqualTo(Instant.parse("2025-03-03T16:00:00Z"));
        assertThat(parameters.instantOrDay("to", " 2025-12-31 ", true)).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
        parameters.requireValid();
    }

    @Test
    void anInstantStaysExactlyThatInstant() {
        AuditParameters parameters = new AuditParameters();
        assertThat(parameters.instantOrDay("to", "2025-03-03T10:00:00+08:00", true)).isEqualTo(Instant.parse("2025-03-03T02:00:00Z"));
        assertThat(parameters.instantOrDay("from", null, false)).isNull();
        parameters.requireValid();
    }

    @Test
    void neitherADateNorAnInstantIsNamedWithItsField() {
        AuditParameters parameters = new AuditParameters();
        assertThat(parameters.instantOrDay("from", "2025-02-30", false)).isNull();
        assertThat(parameters.instantOrDay("to", "3 March", true)).isNull();
        assertThatThrownBy(parameters::requireValid).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("from", "to");
            assertThat(e.errors().get(0).message()).contains("YYYY-MM-DD").contains("'2025-02-30'");
        });
    }
}
