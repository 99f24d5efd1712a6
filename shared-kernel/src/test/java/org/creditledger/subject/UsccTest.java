package org.creditledger.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.text.api.EnglishReasons.english;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91110108MA01R7K44D", "92440305MA5H3QW293", "93510521MA6AT8LB0C", "91350100M000100Y43"})
    void acceptsOfficialFixtures(String code) {
        assertThat(new Uscc(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({
            "91110108MA01R7K44E, E, D",
            "92440305MA5H3QW290, 0, 3",
            "93510521MA6AT8LB0D, D, C",
            "91350100M000100Y4Y, Y, 3"})
    void rejectsUsccWithWrongCheckDigit(String code, char actual, char expected) {
        assertThatThrownBy(() -> new Uscc(code))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .satisfies(e -> {
                    assertThat(english(e.reason())).isEqualTo("check digit is '" + actual + "' but should be '" + expected + "'");
                    assertThat(e.code()).isEqualTo(code);
                });
    }

    @Test
    void rejectsUsccWithWrongOrganisationCodeCheckCharacter() {
        // position 17 changed from '4' to '5'; the GB 11714 check on positions 9-16 catches it
        assertThatThrownBy(() -> new Uscc("91110108MA01R7K45D"))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .extracting(e -> english(e.reason()))
                .isEqualTo("organisation code check character (position 17) is '5' but should be '4'");
    }

    @Test
    void rejectsUsccWithTypoInOrganisationCodeBody() {
        // position 16 changed from '4' to '5': the organisation code check no longer matches
        assertThatThrownBy(() -> new Uscc("91110108MA01R7K54D"))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .extracting(e -> english(e.reason()))
                .isEqualTo("organisation code check character (position 17) is '4' but should be '2'");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void rejectsForbiddenLetters(char letter) {
        String code = "91110108M" + letter + "01R7K44D";
        assertThatThrownBy(() -> new Uscc(code))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .extracting(e -> english(e.reason()))
                .isEqualTo("character '" + letter + "' is not allowed (position 10)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91110108MA01R7K44", "91110108MA01R7K44DD", "9"})
    void rejectsWrongLength(String code) {
        assertThatThrownBy(() -> new Uscc(code))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .extracting(e -> english(e.reason()))
                .isEqualTo("must be 18 characters but has " + code.length());
    }

    @Test
    void normalisesLowerCaseAndSurroundingWhitespace() {
        assertThat(new Uscc(" 91110108ma01r7k44d\t").value()).isEqualTo("91110108MA01R7K44D");
        assertThat(new Uscc("91110108ma01r7k44d")).isEqualTo(new Uscc("91110108MA01R7K44D"));
    }

    @Test
    void rejectsWhitespaceInside() {
        assertThatThrownBy(() -> new Uscc("91110108 A01R7K44D"))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .extracting(e -> english(e.reason()))
                .isEqualTo("character U+0020 is not allowed (position 9)");
    }

    @Test
    void rejectsNullAndBlank() {
        assertThatThrownBy(() -> new Uscc(null))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .extracting(e -> english(e.reason())).isEqualTo("must not be null");
        assertThatThrownBy(() -> new Uscc("   "))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .extracting(e -> english(e.reason())).isEqualTo("must not be blank");
    }

    @Test
    void recognisesIndividualBusinessByPrefix92() {
        assertThat(new Uscc("92440305MA5H3QW293").isIndividualBusiness()).isTrue();
        assertThat(new Uscc("91110108MA01R7K44D").isIndividualBusiness()).isFalse();
        assertThat(new Uscc("93510521MA6AT8LB0C").isIndividualBusiness()).isFalse();
    }

    @Test
    void toStringIsTheRawValue() {
        assertThat(new Uscc("91110108ma01r7k44d")).hasToString("91110108MA01R7K44D");
    }

    @Test
    void exceptionMessageCarriesReasonButNotTheCode() {
        assertThatThrownBy(() -> new Uscc("91110108MA01R7K44E"))
                .hasMessage("invalid subject code: subject.uscc.check-digit [E, D]")
                .hasMessageNotContaining("91110108");
    }
}
