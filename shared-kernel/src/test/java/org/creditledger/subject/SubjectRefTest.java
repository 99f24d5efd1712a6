package org.creditledger.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.text.api.EnglishReasons.english;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import org.creditledger.text.api.InvalidValue;
import org.junit.jupiter.api.Test;

class SubjectRefTest {

    private static final String COMPANY = "91110108MA01R7K44D";
    private static final String SHOP = "92440305MA5H3QW293";
    private static final String PERSON = "11010519491231002X";

    @Test
    void acceptsEachKindWithItsCode() {
        assertThat(new SubjectRef(SubjectKind.LEGAL_PERSON, COMPANY, "北京某科技有限公司").code()).isEqualTo(COMPANY);
        assertThat(new SubjectRef(SubjectKind.INDIVIDUAL_BUSINESS, SHOP, "深圳某便利店").code()).isEqualTo(SHOP);
        assertThat(new SubjectRef(SubjectKind.NATURAL_PERSON, PERSON, "张三").code()).isEqualTo(PERSON);
    }

    @Test
    void storesNormalisedCodeAndStrippedName() {
        SubjectRef ref = new SubjectRef(SubjectKind.NATURAL_PERSON, " 11010519491231002x ", "  张三 ");
        assertThat(ref.code()).isEqualTo(PERSON);
        assertThat(ref.name()).isEqualTo("张三");
        assertThat(ref).isEqualTo(new SubjectRef(SubjectKind.NATURAL_PERSON, PERSON, "张三"));
    }

    @Test
    void rejectsIndividualBusinessCodeForLegalPerson() {
        assertThatThrownBy(() -> new SubjectRef(SubjectKind.LEGAL_PERSON, SHOP, "某便利店"))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .extracting(e -> english(e.reason()))
                .isEqualTo("a USCC starting with 92 is an individual business; use INDIVIDUAL_BUSINESS");
    }

    @Test
    void rejectsLegalPersonCodeForIndividualBusiness() {
        assertThatThrownBy(() -> new SubjectRef(SubjectKind.INDIVIDUAL_BUSINESS, COMPANY, "某公司"))
                .asInstanceOf(type(InvalidSubjectCode.class))
                .extracting(e -> english(e.reason()))
                .isEqualTo("an individual business USCC must start with 92; use LEGAL_PERSON");
    }

    @Test
    void rejectsUsccForNaturalPersonAndResidentIdForLegalPerson() {
        assertThatThrownBy(() -> new SubjectRef(SubjectKind.NATURAL_PERSON, COMPANY, "张三"))
                .isInstanceOf(InvalidSubjectCode.class);
        assertThatThrownBy(() -> new SubjectRef(SubjectKind.LEGAL_PERSON, PERSON, "某公司"))
                .isInstanceOf(InvalidSubjectCode.class);
    }

    @Test
    void rejectsNullOrBlankCodeWithInvalidSubjectCode() {
        assertThatThrownBy(() -> new SubjectRef(SubjectKind.LEGAL_PERSON, null, "某公司"))
                .isInstanceOf(InvalidSubjectCode.class);
        assertThatThrownBy(() -> new SubjectRef(SubjectKind.NATURAL_PERSON, " ", "张三"))
                .isInstanceOf(InvalidSubjectCode.class);
    }

    @Test
    void rejectsNullKind() {
        assertThatThrownBy(() -> new SubjectRef(null, COMPANY, "某公司"))
                .asInstanceOf(type(InvalidValue.class))
                .satisfies(e -> assertThat(english(e.reason())).isEqualTo("kind must not be null"));
    }

    @Test
    void rejectsBlankName() {
        assertThatThrownBy(() -> new SubjectRef(SubjectKind.LEGAL_PERSON, COMPANY, " \t"))
                .asInstanceOf(type(InvalidValue.class))
                .satisfies(e -> assertThat(english(e.reason())).isEqualTo("name must not be blank"));
        assertThatThrownBy(() -> new SubjectRef(SubjectKind.LEGAL_PERSON, COMPANY, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsNameOf200CharactersAndRejects201() {
        assertThat(new SubjectRef(SubjectKind.LEGAL_PERSON, COMPANY, "公".repeat(200)).name()).hasSize(200);
        assertThatThrownBy(() -> new SubjectRef(SubjectKind.LEGAL_PERSON, COMPANY, "公".repeat(201)))
                .asInstanceOf(type(InvalidValue.class))
                .satisfies(e -> assertThat(english(e.reason())).isEqualTo("name must be at most 200 characters but has 201"));
    }

    @Test
    void countsNameLengthInCodePointsNotUtf16Units() {
        String rareCharacter = "𠀀"; // outside the BMP: two UTF-16 units, one character
        assertThat(new SubjectRef(SubjectKind.LEGAL_PERSON, COMPANY, rareCharacter.repeat(200)).name())
                .hasSize(400);
    }

    @Test
    void masksOnlyNaturalPersonCodes() {
        assertThat(new SubjectRef(SubjectKind.NATURAL_PERSON, PERSON, "张三").maskedCode()).isEqualTo("110105********002X");
        assertThat(new SubjectRef(SubjectKind.LEGAL_PERSON, COMPANY, "某公司").maskedCode()).isEqualTo(COMPANY);
        assertThat(new SubjectRef(SubjectKind.INDIVIDUAL_BUSINESS, SHOP, "某店").maskedCode()).isEqualTo(SHOP);
    }

    @Test
    void toStringDoesNotLeakResidentId() {
        assertThat(new SubjectRef(SubjectKind.NATURAL_PERSON, PERSON, "张三").toString())
                .contains("110105********002X")
                .doesNotContain(PERSON);
    }
}
