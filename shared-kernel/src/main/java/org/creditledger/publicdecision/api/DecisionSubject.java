package org.creditledger.publicdecision.api;

import org.creditledger.subject.InvalidSubjectCode;
import org.creditledger.subject.ResidentId;
import org.creditledger.subject.SubjectKind;
import org.creditledger.subject.SubjectRef;
import org.creditledger.text.api.InvalidValue;

import java.util.Locale;
import java.util.Objects;

/**
 * The subject (行政相对人) of a published decision, as the unit reported it. Unlike {@link SubjectRef} it does not refuse
 * a code that fails its check: 双公示 counts such a decision as non-compliant (合规率), so it must be recorded.
 * The code is only normalised (whitespace stripped, letters upper-cased).
 *
 * @param kind the subject's kind
 * @param code the identity code as reported, normalised; may be wrong
 * @param name the subject's name, stripped
 */
public record DecisionSubject(SubjectKind kind, String code, String name) {

    public DecisionSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        code = code.strip().toUpperCase(Locale.ROOT);
        name = name.strip();
    }

    /** Whether the code passes the check of its kind ({@link SubjectRef}'s rules). */
    public boolean codeValid() {
        try {
            new SubjectRef(kind, code, name);
            return true;
        } catch (InvalidSubjectCode | InvalidValue e) {
            return false;
        }
    }

    /**
     * The code safe to publish: an 18-character natural person's number masked as {@link ResidentId#masked()} masks it
     * (birth date and sequence hidden), other codes as they are.
     */
    public String maskedCode() {
        return kind == SubjectKind.NATURAL_PERSON && code.length() == 18
                ? code.substring(0, 6) + "********" + code.substring(14) : code;
    }

    @Override
    public String toString() {
        return "DecisionSubject[kind=" + kind + ", code=" + maskedCode() + ", name=" + name + "]";
    }
}
