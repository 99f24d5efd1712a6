package org.creditledger.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.text.api.EnglishReasons.english;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdTest {

    private static final String FIXTURE = "11010519491231002X";

    private static String withCheckCharacter(String first17) {
        return first17 + CheckCharacters.residentId(first17);
    }

    @Test
    void acceptsOfficialFixture() {
        assertThat(new ResidentId(FIXTURE).value()).isEqualTo(FIXTURE);
    }

    @Test
    void rejectsResidentIdWithWrongCheckCharacter() {
        assertThatThrownBy(() -> new ResidentId("110105194912310021"))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .satisfies(e -> {
                    assertThat(english(e.reason())).isEqualTo("check character is '1' but should be 'X'");
                    assertThat(e.code()).isEqualTo("110105194912310021");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"19490231", "19491331", "19490000", "20230229", "19490100", "19490132", "19000229"})
    void rejectsImpossibleBirthDate(String birthDate) {
        // correct check character, so only the date is wrong
        String id = withCheckCharacter("110105" + birthDate + "002");
        assertThatThrownBy(() -> new ResidentId(id))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .extracting(e -> english(e.reason()))
                .isEqualTo("birth date " + birthDate + " is not a real date");
    }

    @Test
    void acceptsLeapDay() {
        assertThat(new ResidentId(withCheckCharacter("11010520000229002"))).isNotNull();
    }

    @Test
    void rejectsBirthDateBefore1900() {
        String id = withCheckCharacter("11010518991231002");
        assertThatThrownBy(() -> new ResidentId(id))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .extracting(e -> english(e.reason()))
                .isEqualTo("birth date 18991231 is before 1900");
    }

    @Test
    void upperCasesLowerCaseX() {
        assertThat(new ResidentId("11010519491231002x").value()).isEqualTo(FIXTURE);
        assertThat(new ResidentId(" 11010519491231002x ")).isEqualTo(new ResidentId(FIXTURE));
    }

    @Test
    void rejectsXBeforeTheLastPosition() {
        assertThatThrownBy(() -> new ResidentId("1101051949123100X2"))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .extracting(e -> english(e.reason()))
                .isEqualTo("character 'X' is not allowed (position 17)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002", "11010519491231002XX", "110105491231002"})
    void rejectsWrongLength(String id) {
        assertThatThrownBy(() -> new ResidentId(id))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .extracting(e -> english(e.reason()))
                .isEqualTo("must be 18 characters but has " + id.length());
    }

    @Test
    void rejectsNullAndBlank() {
        assertThatThrownBy(() -> new ResidentId(null)).isInstanceOf(InvalidSubjectCode.class);
        assertThatThrownBy(() -> new ResidentId("")).isInstanceOf(InvalidSubjectCode.class);
    }

    @Test
    void masksBirthDateAndKeepsRegionAndLastFour() {
        assertThat(new ResidentId(FIXTURE).masked()).isEqualTo("110105********002X");
    }

    @Test
    void toStringIsTheRawValue() {
        assertThat(new ResidentId("11010519491231002x")).hasToString(FIXTURE);
    }

    @Test
    void exceptionMessageDoesNotLeakTheNumber() {
        assertThatThrownBy(() -> new ResidentId("110105194912310021"))
                .hasMessageNotContaining("110105194912310021");
    }
}
