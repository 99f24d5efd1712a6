package org.creditledger.subject;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Builds valid subject codes for tests and benchmarks in other modules: appends check
 * characters to a given prefix, or derives a distinct valid code deterministically from a
 * number. Not meant for production code paths.
 */
public final class SubjectCodes {

    /** Exclusive upper bound of {@code n} for {@link #usccFor(long, boolean)}: 8 decimal digits. */
    public static final long USCC_FOR_LIMIT = 100_000_000L;

    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_BIRTH_DATE = LocalDate.of(1999, 12, 31);
    private static final int SEQUENCES_PER_DAY = 1000;

    /**
     * Exclusive upper bound of {@code n} for {@link #residentIdFor(long)}: one thousand
     * sequence numbers for each birth date from 1900-01-01 to 1999-12-31.
     */
    public static final long RESIDENT_ID_FOR_LIMIT =
            (LAST_BIRTH_DATE.toEpochDay() - FIRST_BIRTH_DATE.toEpochDay() + 1) * SEQUENCES_PER_DAY;

    private static final String REGION = "510802";

    private SubjectCodes() {
    }

    /**
     * Appends the GB 32100 check digit to the first 17 characters of a USCC. The embedded
     * organisation code check character (position 17) is the caller's concern.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 USCC characters (upper case)
     */
    public static String uscc(String first17) {
        requireLength(first17, 17);
        for (int i = 0; i < 17; i++) {
            if (CheckCharacters.USCC_CHARS.indexOf(first17.charAt(i)) < 0) {
                throw new IllegalArgumentException("first17 has a character not allowed in a USCC at position " + (i + 1));
            }
        }
        return first17 + CheckCharacters.uscc(first17);
    }

    /**
     * A valid USCC derived from {@code n}: {@code 91} (or {@code 92} for an individual
     * business), region {@code 510802}, {@code n} as an 8-digit organisation code body, its
     * GB 11714 check character and the GB 32100 check digit. Distinct {@code n} give
     * distinct codes.
     *
     * @param n 0 ≤ n &lt; {@link #USCC_FOR_LIMIT}
     */
    public static String usccFor(long n, boolean individualBusiness) {
        if (n < 0 || n >= USCC_FOR_LIMIT) {
            throw new IllegalArgumentException("n must be in [0, " + USCC_FOR_LIMIT + ") but is " + n);
        }
        String body = String.format(Locale.ROOT, "%08d", n);
        String first17 = (individualBusiness ? "92" : "91") + REGION + body + CheckCharacters.orgCode(body);
        return uscc(first17);
    }

    /**
     * Appends the GB 11643 check character to 17 digits. The birth date is not checked, so
     * this can also build numbers that are invalid only because of their date.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 digits
     */
    public static String residentId(String first17) {
        requireLength(first17, 17);
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("first17 must be digits only but has a non-digit at position " + (i + 1));
            }
        }
        return first17 + CheckCharacters.residentId(first17);
    }

    /**
     * A valid resident id derived from {@code n}: region {@code 510802}, birth date
     * 1900-01-01 plus {@code n / 1000} days, sequence {@code n % 1000}, and the check
     * character. Distinct {@code n} give distinct numbers.
     *
     * @param n 0 ≤ n &lt; {@link #RESIDENT_ID_FOR_LIMIT}
     */
    public static String residentIdFor(long n) {
        if (n < 0 || n >= RESIDENT_ID_FOR_LIMIT) {
            throw new IllegalArgumentException("n must be in [0, " + RESIDENT_ID_FOR_LIMIT + ") but is " + n);
        }
        LocalDate birthDate = FIRST_BIRTH_DATE.plusDays(n / SEQUENCES_PER_DAY);
        String first17 = REGION
                + String.format(Locale.ROOT, "%04d%02d%02d", birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth())
                + String.format(Locale.ROOT, "%03d", n % SEQUENCES_PER_DAY);
        return residentId(first17);
    }

    private static void requireLength(String first17, int length) {
        if (first17 == null || first17.length() != length) {
            throw new IllegalArgumentException("first17 must have " + length + " characters but is "
                    + (first17 == null ? "null" : first17.length() + " long"));
        }
    }
}
