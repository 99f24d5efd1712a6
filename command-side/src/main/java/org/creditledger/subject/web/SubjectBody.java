package org.creditledger.subject.web;

import org.creditledger.platform.web.FieldProblem;
import org.creditledger.subject.InvalidSubjectCode;
import org.creditledger.subject.SubjectKind;
import org.creditledger.subject.SubjectRef;

import java.util.List;
import org.creditledger.text.api.InvalidValue;

/**
 * A subject as a write request names it: {@code "subject": {"kind", "code", "name"}}. Every write that names a subject
 * (a commitment letter, its import row, a list entry) maps it to {@link SubjectRef} here, so each reports the same
 * problems under the same JSON paths. Not a feature: commitments and list entries both use it.
 */
public record SubjectBody(SubjectKind kind, String code, String name) {

    /**
     * The subject {@code body} names, or null after adding to {@code errors} what is wrong with it: each missing part
     * as {@code subject.kind}, {@code subject.code} or {@code subject.name} "is required", otherwise the reason
     * {@link SubjectRef} gives (a wrong check digit, a code that does not fit the kind, a name too long).
     *
     * @param body null when the request has no subject at all: every part is then missing
     */
    public static SubjectRef toSubjectRef(SubjectBody body, List<FieldProblem> errors) {
        SubjectBody s = body == null ? new SubjectBody(null, null, null) : body;
        int before = errors.size();
        if (s.kind == null) {
            errors.add(FieldProblem.of("subject.kind", "problem.field.required"));
        }
        if (isBlank(s.code)) {
            errors.add(FieldProblem.of("subject.code", "problem.field.required"));
        }
        if (isBlank(s.name)) {
            errors.add(FieldProblem.of("subject.name", "problem.field.required"));
        }
        if (errors.size() > before) {
            return null;
        }
        try {
            return new SubjectRef(s.kind, s.code, s.name);
        } catch (InvalidSubjectCode e) {
            errors.add(FieldProblem.of("subject.code", e.reason()));
        } catch (InvalidValue e) {
            errors.add(FieldProblem.of("subject.name", e.reason()));
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
