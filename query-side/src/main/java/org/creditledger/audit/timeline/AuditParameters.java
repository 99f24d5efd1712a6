package org.creditledger.audit.timeline;

import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.subject.InvalidSubjectCode;
import org.creditledger.subject.SubjectCode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the parameters of the audit endpoints, collecting every problem so that one 400 names them all: the subject
 * code (a valid USCC or 身份证 number), instants (ISO-8601 with an offset) and, where a person bounds a period, plain
 * dates.
 */
final class AuditParameters {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern PLAIN_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final List<FieldProblem> problems = new ArrayList<>();

    /** The normalised code, or null after noting why {@code raw} is not a subject code. */
    String subjectCode(String field, String raw) {
        try {
            return new SubjectCode(raw).value();
        } catch (InvalidSubjectCode e) {
            problems.add(new FieldProblem(field, e.reason()));
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
            problems.add(new FieldProblem(field, "must be an ISO-8601 instant with offset, e.g. 2025-03-03T10:00:00+08:00"
                    + " or 2025-03-03T02:00:00Z (in a URL, write + as %2B), but is '" + raw + "'"));
            return null;
        }
    }

    /**
     * The instant, or for a plain date ({@code 2025-03-03}, as a person types it) that day in Asia/Shanghai: its first
     * instant, or with {@code endOfDay} the first instant of the next day, so that an excluded upper bound still takes
     * in the whole day. Null when absent or (noted) unreadable.
     */
    Instant instantOrDay(String field, String raw, boolean endOfDay) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        try {
            if (PLAIN_DATE.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(BUSINESS_ZONE).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date (YYYY-MM-DD, a day in Asia/Shanghai) or an ISO-8601 instant"
                    + " with offset, e.g. 2025-03-03 or 2025-03-03T10:00:00+08:00 (in a URL, write + as %2B), but is '" + raw + "'"));
            return null;
        }
    }

    void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    /** @throws InvalidInput naming every problem noted, if any */
    void requireValid() {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
