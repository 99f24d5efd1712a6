package org.creditledger.subject;

/**
 * Normalises raw code input the same way for every code type: surrounding whitespace is
 * stripped and ASCII lower-case letters are upper-cased. Nothing else is changed, so any
 * other odd character is still reported as itself by the validator.
 */
final class CodeInput {

    private CodeInput() {
    }

    /** @throws InvalidSubjectCode if {@code raw} is null or blank */
    static String normalise(String raw) {
        if (raw == null) {
            throw new InvalidSubjectCode(null, "subject.code.null");
        }
        String stripped = raw.strip();
        if (stripped.isEmpty()) {
            throw new InvalidSubjectCode(raw, "subject.code.blank");
        }
        char[] chars = stripped.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'a' && chars[i] <= 'z') {
                chars[i] = (char) (chars[i] - 'a' + 'A');
            }
        }
        return new String(chars);
    }

    /** Quotes a character for a reason text; control characters are shown as U+XXXX. */
    static String describe(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format("U+%04X", (int) c)
                : "'" + c + "'";
    }
}
