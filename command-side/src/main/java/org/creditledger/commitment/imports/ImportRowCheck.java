package org.creditledger.commitment.imports;

import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentMessages.PostCommitmentCommand;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.commitment.command.CommitmentDraft;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.subject.SubjectKind;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns one import row into a {@link CommitmentDraft} and checks it with {@link CommitmentDraft#check}, the same
 * path as {@code POST /commitments}, with the JSON endpoint's messages for text that cannot be read (an unknown
 * enum value, a date that is not {@code YYYY-MM-DD}). Fields are reported by column name ({@code subjectCode},
 * not {@code subject.code}).
 */
final class ImportRowCheck {

    private static final String TYPES = Arrays.stream(CommitmentType.values()).map(Enum::name).collect(Collectors.joining(", "));
    private static final String KINDS = Arrays.stream(SubjectKind.values()).map(Enum::name).collect(Collectors.joining(", "));

    /** A command ready to send, or the row's problems. */
    record Result(PostCommitmentCommand command, List<FieldProblem> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private ImportRowCheck() {
    }

    static Result check(ImportRow row, CommitmentId id, LocalDate today) {
        List<FieldProblem> unreadable = new ArrayList<>();
        CommitmentType type = parseEnum(CommitmentType.class, row.type(), "type", TYPES, unreadable);
        SubjectKind kind = parseEnum(SubjectKind.class, row.subjectKind(), "subjectKind", KINDS, unreadable);
        LocalDate signedOn = parseDate(row.signedOn(), "signedOn", unreadable);
        LocalDate dueDate = parseDate(row.dueDate(), "dueDate", unreadable);
        CommitmentDraft draft = new CommitmentDraft(row.unitId(), type, kind, row.subjectCode(), row.subjectName(),
                row.matter(), row.content(), signedOn, dueDate);
        CommitmentDraft.Checked checked = draft.check(id, today);
        List<FieldProblem> errors = new ArrayList<>(unreadable);
        for (FieldProblem problem : checked.errors()) {
            FieldProblem renamed = new FieldProblem(column(problem.field()), problem.message());
            // a value that could not be read is reported once, as unreadable, not again as "is required"
            if (unreadable.stream().noneMatch(u -> u.field().equals(renamed.field()))) {
                errors.add(renamed);
            }
        }
        return errors.isEmpty() ? new Result(checked.command(), List.of()) : new Result(null, List.copyOf(errors));
    }

    /** The column name of a JSON path of {@code POST /commitments}: {@code subject.code} → {@code subjectCode}. */
    static String column(String jsonPath) {
        return switch (jsonPath) {
            case "subject.kind" -> "subjectKind";
            case "subject.code" -> "subjectCode";
            case "subject.name" -> "subjectName";
            default -> jsonPath;
        };
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, String allowed, List<FieldProblem> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldProblem(field, "'" + value + "' is not one of " + allowed));
            return null;
        }
    }

    private static LocalDate parseDate(String value, String field, List<FieldProblem> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldProblem(field, "'" + value + "' cannot be read as a date (YYYY-MM-DD)"));
            return null;
        }
    }
}
