package org.creditledger.subject;

import java.time.YearMonth;

/**
 * A resident identity card number (居民身份证号, GB 11643-1999): the 18-character
 * citizen identity number of a natural person.
 *
 * <p>Layout: address code (positions 1-6), birth date {@code yyyyMMdd} (7-14), sequence
 * (15-17) and a check character (18) that is a digit or {@code X}. The birth date must
 * be a real calendar date in or after 1900; it is not compared with today, because a
 * value object has no clock.
 *
 * <p>Input is normalised before validation: surrounding whitespace is stripped and a
 * lower-case {@code x} is upper-cased. {@link #value()} is always the normalised form.
 *
 * <p>This is personal information. {@link #toString()} returns the full number; use
 * {@link #masked()} for anything shown or logged.
 *
 * @param value the normalised 18-character number
 * @throws InvalidSubjectCode if the number is null, blank, of the wrong length, contains a
 *                            forbidden character, has an impossible birth date or a wrong
 *                            check character
 */
public record ResidentId(String value) {

    /** Length of every resident identity card number. */
    public static final int LENGTH = 18;

    private static final int EARLIEST_BIRTH_YEAR = 1900;

    public ResidentId {
        String raw = value;
        value = CodeInput.normalise(raw);
        if (value.length() != LENGTH) {
            throw new InvalidSubjectCode(raw, "subject.code.length", LENGTH, value.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || (i == LENGTH - 1 && c == 'X');
            if (!allowed) {
                throw new InvalidSubjectCode(raw,
                        "subject.code.character", CodeInput.describe(c), i + 1);
            }
        }
        String birthDate = value.substring(6, 14);
        int year = Integer.parseInt(value, 6, 10, 10);
        if (!isRealDate(year, Integer.parseInt(value, 10, 12, 10), Integer.parseInt(value, 12, 14, 10))) {
            throw new InvalidSubjectCode(raw, "subject.resident-id.birth-date", birthDate);
        }
        if (year < EARLIEST_BIRTH_YEAR) {
            throw new InvalidSubjectCode(raw, "subject.resident-id.birth-date-before", birthDate, Integer.toString(EARLIEST_BIRTH_YEAR));
        }
        char expectedCheck = CheckCharacters.residentId(value.subSequence(0, 17));
        if (value.charAt(17) != expectedCheck) {
            throw new InvalidSubjectCode(raw,
                    "subject.resident-id.check-character", String.valueOf(value.charAt(17)), String.valueOf(expectedCheck));
        }
    }

    /**
     * Whether the digits name a day of the calendar. Checked without parsing: many 18-digit USCCs pass the character
     * check, and {@link SubjectCode} tries each code as a resident id number, so on the counter check's path a parser's
     * exception (with its stack trace) was made for most such codes.
     */
    private static boolean isRealDate(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    /** The number with the birth date hidden: first 6 + {@code ********} + last 4, e.g. {@code 110105********002X}. */
    public String masked() {
        return mask(value);
    }

    static String mask(String validNumber) {
        return validNumber.substring(0, 6) + "********" + validNumber.substring(14);
    }

    /** The full normalised number. Personal information: prefer {@link #masked()} in logs and UIs. */
    @Override
    public String toString() {
        return value;
    }
}
