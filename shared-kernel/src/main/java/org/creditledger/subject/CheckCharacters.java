package org.creditledger.subject;

/**
 * The three check-character algorithms the subject codes rely on. Inputs are assumed to
 * have been checked for length and character set already.
 */
final class CheckCharacters {

    /** GB 32100-2015 code characters in value order: 0-9 then letters without I, O, S, V, Z. */
    static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final int[] RESIDENT_ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String RESIDENT_ID_CHECK_CHARS = "10X98765432";

    private CheckCharacters() {
    }

    /** GB 32100-2015 check digit (position 18) for the first 17 characters of a USCC. */
    static char uscc(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        return USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    /** GB 11714 check character for an 8-character organisation code body (digits, A=10 … Z=35). */
    static char orgCode(CharSequence body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(body8.charAt(i), 36) * ORG_CODE_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /** GB 11643-1999 check character (position 18) for the first 17 digits of a resident id. */
    static char residentId(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * RESIDENT_ID_WEIGHTS[i];
        }
        return RESIDENT_ID_CHECK_CHARS.charAt(sum % 11);
    }
}
