package org.creditledger.subject;

/**
 * A credit subject's (信用主体) identity code on its own, without the kind: a valid {@link Uscc} (统一社会信用代码) or a
 * valid {@link ResidentId} (居民身份证号). Lookups that name a subject by code only (its timeline, its state as of an
 * instant) take one of these. The value is normalised the way both codes normalise input (stripped, upper case).
 *
 * <p>{@link #toString()} masks a resident id number; {@link #value()} is the full code.
 *
 * @param value the normalised 18-character code
 * @throws InvalidSubjectCode if the code is neither a valid USCC nor a valid resident id number; the reason names
 *                            what is wrong for each
 */
public record SubjectCode(String value) {

    public SubjectCode {
        String raw = value;
        value = CodeInput.normalise(raw);
        try {
            new Uscc(value);
        } catch (InvalidSubjectCode notUscc) {
            try {
                new ResidentId(value);
            } catch (InvalidSubjectCode notResidentId) {
                throw new InvalidSubjectCode(raw, "subject.code.neither", notUscc.reason(), notResidentId.reason());
            }
        }
    }

    /**
     * Whether this is a valid resident id number, which is shown masked. A code that happens to pass both checks
     * (possible for 18 digits) counts as one: masking a company's code by mistake is harmless, showing a person's
     * number is not.
     */
    public boolean isResidentId() {
        try {
            new ResidentId(value);
            return true;
        } catch (InvalidSubjectCode notResidentId) {
            return false;
        }
    }

    /** The code safe to show: a resident id number masked as {@link ResidentId#masked()}, a USCC unchanged. */
    public String masked() {
        return isResidentId() ? ResidentId.mask(value) : value;
    }

    @Override
    public String toString() {
        return masked();
    }
}
