package org.creditledger.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectCodesTest {

    @Test
    void usccAppendsTheCheckDigitOfAFixture() {
        assertThat(SubjectCodes.uscc("91110108MA01R7K44")).isEqualTo("91110108MA01R7K44D");
        assertThat(SubjectCodes.uscc("91350100M000100Y4")).isEqualTo("91350100M000100Y43");
    }

    @Test
    void residentIdAppendsTheCheckCharacterOfTheFixture() {
        assertThat(SubjectCodes.residentId("11010519491231002")).isEqualTo("11010519491231002X");
    }

    @Test
    void usccForProducesDistinctValidCodesForBothKinds() {
        Set<String> seen = new HashSet<>();
        for (long n = 0; n <= 10_000; n++) {
            String company = SubjectCodes.usccFor(n, false);
            String shop = SubjectCodes.usccFor(n, true);
            assertThat(new SubjectRef(SubjectKind.LEGAL_PERSON, company, "c").code()).isEqualTo(company);
            assertThat(new SubjectRef(SubjectKind.INDIVIDUAL_BUSINESS, shop, "s").code()).isEqualTo(shop);
            assertThat(seen.add(company)).as("duplicate %s", company).isTrue();
            assertThat(seen.add(shop)).as("duplicate %s", shop).isTrue();
        }
    }

    @Test
    void residentIdForProducesDistinctValidNumbers() {
        Set<String> seen = new HashSet<>();
        for (long n = 0; n <= 10_000; n++) {
            String id = SubjectCodes.residentIdFor(n);
            assertThat(new ResidentId(id).value()).isEqualTo(id);
            assertThat(seen.add(id)).as("duplicate %s", id).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {999_999L, 1_000_000L, 12_345_678L, SubjectCodes.USCC_FOR_LIMIT - 1})
    void usccForIsValidForLargeNumbers(long n) {
        assertThat(new Uscc(SubjectCodes.usccFor(n, false)).isIndividualBusiness()).isFalse();
        assertThat(new Uscc(SubjectCodes.usccFor(n, true)).isIndividualBusiness()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {999_999L, 1_000_000L, 12_345_678L, 36_523_999L})
    void residentIdForIsValidForLargeNumbers(long n) {
        assertThat(new ResidentId(SubjectCodes.residentIdFor(n))).isNotNull();
    }

    @Test
    void residentIdForCoversOneThousandNumbersPerDayOfTheTwentiethCentury() {
        assertThat(SubjectCodes.RESIDENT_ID_FOR_LIMIT).isEqualTo(36_524_000L);
    }

    @Test
    void residentIdForLastNumberIsBornOnTheLastDayOf1999() {
        assertThat(SubjectCodes.residentIdFor(SubjectCodes.RESIDENT_ID_FOR_LIMIT - 1)).startsWith("51080219991231999");
    }

    @Test
    void aMillionGeneratedUsccsAreDistinct() {
        assertThat(LongStream.range(0, 1_000_000).mapToObj(n -> SubjectCodes.usccFor(n, false)).distinct().count())
                .isEqualTo(1_000_000);
    }

    @Test
    void rejectsNumbersOutOfRange() {
        assertThatThrownBy(() -> SubjectCodes.usccFor(-1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubjectCodes.usccFor(SubjectCodes.USCC_FOR_LIMIT, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubjectCodes.residentIdFor(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubjectCodes.residentIdFor(SubjectCodes.RESIDENT_ID_FOR_LIMIT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMalformedPrefixes() {
        assertThatThrownBy(() -> SubjectCodes.uscc("91110108MA01R7K4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubjectCodes.uscc("91110108MI01R7K44")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubjectCodes.uscc(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubjectCodes.residentId("1101051949123100X")).isInstanceOf(IllegalArgumentException.class);
    }
}
