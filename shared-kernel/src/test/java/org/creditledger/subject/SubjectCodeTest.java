package org.creditledger.subject;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.text.api.EnglishReasons.english;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class SubjectCodeTest {

    @Test
    void acceptsAUsccOfAnyKindNormalised() {
        assertThat(new SubjectCode(" 91110108ma01r7k44d ").value()).isEqualTo("91110108MA01R7K44D");
        assertThat(new SubjectCode("92440305MA5H3QW293").isResidentId()).isFalse();
    }

    @Test
    void acceptsAResidentIdAndMasksItWhenShown() {
        String number = SubjectCodes.residentId("11010519491231002");
        SubjectCode code = new SubjectCode(number.toLowerCase());

        assertThat(code.value()).isEqualTo(number);
        assertThat(code.isResidentId()).isTrue();
        assertThat(code.masked()).isEqualTo("110105********" + number.substring(14));
        assertThat(code).hasToString(code.masked());
    }

    @Test
    void aNumberThatPassesBothChecksIsTreatedAsAPersonsAndMasked() {
        String both = "510802190001010478"; // a valid 身份证 number that also passes both USCC check characters
        assertThat(new Uscc(both).value()).isEqualTo(both);
        SubjectCode code = new SubjectCode(both);
        assertThat(code.isResidentId()).isTrue();
        assertThat(code.masked()).isEqualTo("510802********0478");
    }

    @Test
    void aUsccIsShownInFull() {
        assertThat(new SubjectCode("91110108MA01R7K44D")).hasToString("91110108MA01R7K44D");
    }

    @Test
    void rejectsACodeThatIsNeitherWithBothReasons() {
        assertThatThrownBy(() -> new SubjectCode("91110108MA01R7K44E"))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo("91110108MA01R7K44E");
                    assertThat(english(e.reason())).isEqualTo("neither a unified social credit code (check digit is 'E' but should be 'D')"
                            + " nor a resident id number (character 'M' is not allowed (position 9))");
                });
    }

    @Test
    void rejectsAResidentIdWithAWrongCheckCharacter() {
        String number = SubjectCodes.residentId("11010519491231002");
        char wrong = number.charAt(17) == '1' ? '2' : '1';
        assertThatThrownBy(() -> new SubjectCode(number.substring(0, 17) + wrong))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .extracting(e -> english(e.reason()))
                .satisfies(reason -> assertThat((String) reason).contains("resident id number (check character is '" + wrong + "'"));
    }

    @Test
    void rejectsBlankInput() {
        assertThatThrownBy(() -> new SubjectCode("  "))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .extracting(e -> english(e.reason()))
                .isEqualTo("must not be blank");
    }
}
