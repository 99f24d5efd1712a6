package org.creditledger.audit.timeline;

import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.subject.InvalidSubjectCode;
import org.creditledger.subject.SubjectCode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the parameters of the audit endpoints, collecting every problem so that one 400 names them all: the subject
 * code (a valid USCC or 身份证 number) and instants (ISO-8601 with an offset).
 */
final class AuditParameters {

    private final List<FieldProblem> problems = new ArrayList<>();

    /** The normalised code, or null after noting why {@code raw} is not a subject code. */
    String subjectCode(String field, String raw) {
        try {
            return new SubjectCode(raw).value();
        } catch (InvalidSubjectCode e) {
            problems.add(FieldProblem.of(field, e.reason()));
            return null;
        }
    }

    /** The instant, or null when absent or (noted) unreadable. */
    Instant instant(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "query.instant.unreadable", raw));
            return null;
        }
    }

    void problem(String field, String messageCode, Object... arguments) {
        problems.add(FieldProblem.of(field, messageCode, arguments));
    }

    /** @throws InvalidInput naming every problem noted, if any */
    void requireValid() {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
