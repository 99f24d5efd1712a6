package org.creditledger.subject;

import org.creditledger.text.api.InvalidValue;

/**
 * Whom a record is about: a credit subject (信用主体) with its kind, identity code and name.
 *
 * <p>The code is normalised (whitespace stripped, letters upper-cased) and validated for
 * the kind: a {@link Uscc} not starting with {@code 92} for {@link SubjectKind#LEGAL_PERSON},
 * a {@link Uscc} starting with {@code 92} for {@link SubjectKind#INDIVIDUAL_BUSINESS}, and a
 * {@link ResidentId} for {@link SubjectKind#NATURAL_PERSON}. The name is stripped and may
 * have at most {@value #MAX_NAME_LENGTH} characters (code points).
 *
 * <p>{@link #toString()} shows the {@linkplain #maskedCode() masked code}, so a natural
 * person's full identity number does not leak into logs; {@link #code()} is unmasked.
 *
 * @param kind what sort of subject this is
 * @param code the normalised identity code
 * @param name the subject's registered or legal name, stripped
 * @throws IllegalArgumentException if {@code kind} is null or {@code name} is blank or too long
 * @throws InvalidSubjectCode       if {@code code} is null, blank, invalid or does not fit {@code kind}
 */
public record SubjectRef(SubjectKind kind, String code, String name) {

    /** Maximum length of a subject name in characters (code points). */
    public static final int MAX_NAME_LENGTH = 200;

    public SubjectRef {
        if (kind == null) {
            throw new InvalidValue("subject.kind.required");
        }
        code = validCode(kind, code);
        if (name == null || name.isBlank()) {
            throw new InvalidValue("subject.name.blank");
        }
        name = name.strip();
        int length = name.codePointCount(0, name.length());
        if (length > MAX_NAME_LENGTH) {
            throw new InvalidValue("subject.name.too-long", MAX_NAME_LENGTH, length);
        }
    }

    private static String validCode(SubjectKind kind, String raw) {
        return switch (kind) {
            case LEGAL_PERSON -> {
                Uscc uscc = new Uscc(raw);
                if (uscc.isIndividualBusiness()) {
                    throw new InvalidSubjectCode(raw,
                            "subject.kind.individual-business-uscc");
                }
                yield uscc.value();
            }
            case INDIVIDUAL_BUSINESS -> {
                Uscc uscc = new Uscc(raw);
                if (!uscc.isIndividualBusiness()) {
                    throw new InvalidSubjectCode(raw,
                            "subject.kind.not-individual-business-uscc");
                }
                yield uscc.value();
            }
            case NATURAL_PERSON -> new ResidentId(raw).value();
        };
    }

    /** The code safe to show: a natural person's number masked as {@link ResidentId#masked()}, other codes unchanged. */
    public String maskedCode() {
        return kind == SubjectKind.NATURAL_PERSON ? ResidentId.mask(code) : code;
    }

    @Override
    public String toString() {
        return "SubjectRef[kind=" + kind + ", code=" + maskedCode() + ", name=" + name + "]";
    }
}
