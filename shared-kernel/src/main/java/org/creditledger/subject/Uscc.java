package org.creditledger.subject;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): the 18-character
 * identifier of a legal person, an unincorporated organisation or an individual business.
 *
 * <p>Layout: registration authority and organisation category (positions 1-2), region
 * code (3-8), the embedded organisation code (组织机构代码, GB 11714; body 9-16 plus its
 * own check character at 17), and the GB 32100 check digit (18). Characters are
 * {@code 0-9} and upper-case letters except I, O, S, V and Z.
 *
 * <p>Input is normalised before validation: surrounding whitespace is stripped and
 * lower-case letters are upper-cased. {@link #value()} is always the normalised form.
 *
 * @param value the normalised 18-character code
 * @throws InvalidSubjectCode if the code is null, blank, of the wrong length, contains a
 *                            forbidden character or fails either check character
 */
public record Uscc(String value) {

    /** Length of every unified social credit code. */
    public static final int LENGTH = 18;

    private static final String INDIVIDUAL_BUSINESS_PREFIX = "92";

    public Uscc {
        String raw = value;
        value = CodeInput.normalise(raw);
        if (value.length() != LENGTH) {
            throw new InvalidSubjectCode(raw, "subject.code.length", LENGTH, value.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (CheckCharacters.USCC_CHARS.indexOf(c) < 0) {
                throw new InvalidSubjectCode(raw,
                        "subject.code.character", CodeInput.describe(c), i + 1);
            }
        }
        char expectedOrgCheck = CheckCharacters.orgCode(value.subSequence(8, 16));
        if (value.charAt(16) != expectedOrgCheck) {
            throw new InvalidSubjectCode(raw, "subject.uscc.organisation-check",
                    String.valueOf(value.charAt(16)), String.valueOf(expectedOrgCheck));
        }
        char expectedCheck = CheckCharacters.uscc(value.subSequence(0, 17));
        if (value.charAt(17) != expectedCheck) {
            throw new InvalidSubjectCode(raw,
                    "subject.uscc.check-digit", String.valueOf(value.charAt(17)), String.valueOf(expectedCheck));
        }
    }

    /** Whether this code belongs to an individual business (个体工商户): it starts with {@code 92}. */
    public boolean isIndividualBusiness() {
        return value.startsWith(INDIVIDUAL_BUSINESS_PREFIX);
    }

    /** The normalised code itself. */
    @Override
    public String toString() {
        return value;
    }
}
