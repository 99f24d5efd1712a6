package org.creditledger.commitment.command;

import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentMessages.PostCommitmentCommand;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.subject.SubjectKind;
import org.creditledger.subject.SubjectRef;
import org.creditledger.subject.web.SubjectBody;
import org.creditledger.unit.api.UnitId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A commitment as a client sent it, one JSON body or one import row, before it is a command. {@link #check} finds
 * every problem at once, named by JSON path ({@code subject.code}), so one path validates both entry routes.
 */
public record CommitmentDraft(String unitId, CommitmentType type, SubjectKind subjectKind, String subjectCode,
                              String subjectName, String matter, String content, LocalDate signedOn, LocalDate dueDate,
                              String letterNo) {

    static final int MAX_MATTER = 500;
    static final int MAX_CONTENT = 10_000;
    /** 承诺书编号: the unit's own number of the letter, trimmed. */
    static final int MAX_LETTER_NO = 64;

    /** A draft without a letter number (import rows until the import file has that column). */
    public CommitmentDraft(String unitId, CommitmentType type, SubjectKind subjectKind, String subjectCode,
                           String subjectName, String matter, String content, LocalDate signedOn, LocalDate dueDate) {
        this(unitId, type, subjectKind, subjectCode, subjectName, matter, content, signedOn, dueDate, null);
    }

    /** The outcome of checking a draft: a command, or the reasons there is none. */
    public record Checked(PostCommitmentCommand command, List<FieldProblem> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * @param today the current Asia/Shanghai date: a letter cannot be signed in the future
     */
    public Checked check(CommitmentId id, LocalDate today) {
        List<FieldProblem> errors = new ArrayList<>();
        UnitId unit = null;
        if (isBlank(unitId)) {
            errors.add(FieldProblem.of("unitId", "problem.field.required"));
        } else if (!UnitId.isValid(unitId)) {
            errors.add(FieldProblem.of("unitId", "problem.field.unit-id"));
        } else {
            unit = new UnitId(unitId);
        }
        if (type == null) {
            errors.add(FieldProblem.of("type", "problem.field.required"));
        }
        SubjectRef subject = SubjectBody.toSubjectRef(new SubjectBody(subjectKind, subjectCode, subjectName), errors);
        text(errors, "matter", matter, MAX_MATTER);
        text(errors, "content", content, MAX_CONTENT);
        if (signedOn == null) {
            errors.add(FieldProblem.of("signedOn", "problem.field.required"));
        } else if (signedOn.isAfter(today)) {
            errors.add(FieldProblem.of("signedOn", "problem.field.not-future", today));
        }
        if (signedOn != null && dueDate != null && dueDate.isBefore(signedOn)) {
            errors.add(FieldProblem.of("dueDate", "commitment.due-date.before-signed", signedOn));
        }
        if (letterNo != null && (letterNo.isBlank() || letterNo.trim().length() > MAX_LETTER_NO)) {
            errors.add(FieldProblem.of("letterNo", "commitment.letter-no-length", MAX_LETTER_NO));
        }
        if (!errors.isEmpty()) {
            return new Checked(null, List.copyOf(errors));
        }
        return new Checked(new PostCommitmentCommand(id, unit, type, subject, matter.trim(), content.trim(), signedOn, dueDate,
                letterNo == null ? null : letterNo.trim()), List.of());
    }

    private static void text(List<FieldProblem> errors, String field, String value, int max) {
        if (isBlank(value)) {
            errors.add(FieldProblem.of(field, "problem.field.required"));
        } else if (value.trim().length() > max) {
            errors.add(FieldProblem.of(field, "problem.field.max-length", max));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
