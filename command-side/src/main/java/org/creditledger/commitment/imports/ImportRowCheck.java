package org.creditledger.commitment.imports;

import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentMessages.PostCommitmentCommand;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.commitment.command.CommitmentDraft;
import org.creditledger.platform.i18n.Labels;
import org.creditledger.platform.web.FieldProblem;
import org.springframework.context.MessageSource;
import org.creditledger.subject.SubjectKind;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns one import row into a {@link CommitmentDraft} and checks it with {@link CommitmentDraft#check}, the same
 * path as {@code POST /commitments}. Before that, what only a sheet can get wrong: an enum cell is read as its code,
 * its label in any language ({@link Labels#parse}) or a short form of the bundle ({@link ImportColumns#aliasOf}); a
 * date must be {@code YYYY-MM-DD}; a code column holding a number (an XLSX number cell, or a CSV value in Excel's
 * scientific notation such as {@code 9.15101E+17}) has lost digits and is refused as such, not as a wrong length.
 * These are reported with message codes of the {@code i18n/imports} bundle ({@link RowProblem}). Fields are named
 * by column ({@code subjectCode}, not {@code subject.code}).
 */
final class ImportRowCheck {

    /** How Excel writes a large number in a CSV: {@code 9.15101E+17}, {@code 1.23E+17}. */
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+(\\.\\d+)?[eE][+-]?\\d+");

    /** A command ready to send, or the row's problems. */
    record Result(PostCommitmentCommand command, List<RowProblem> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private ImportRowCheck() {
    }

    static Result check(ImportRow row, CommitmentId id, LocalDate today, Labels labels, MessageSource messages) {
        List<RowProblem> unreadable = new ArrayList<>();
        CommitmentType type = parseEnum(CommitmentType.class, row.type(), "type", labels, unreadable);
        SubjectKind kind = parseEnum(SubjectKind.class, row.subjectKind(), "subjectKind", labels, unreadable);
        String subjectCode = row.subjectCode();
        if (subjectCode != null && (row.numberCells().contains("subjectCode") || SCIENTIFIC.matcher(subjectCode).matches())) {
            unreadable.add(ImportRowMessages.problem(labels, "subjectCode", ImportRowMessages.NUMBER_CELL, subjectCode));
        }
        LocalDate signedOn = parseDate(row.signedOn(), "signedOn", labels, unreadable);
        LocalDate dueDate = parseDate(row.dueDate(), "dueDate", labels, unreadable);
        CommitmentDraft draft = new CommitmentDraft(row.unitId(), type, kind, subjectCode, row.subjectName(),
                row.matter(), row.content(), signedOn, dueDate, row.letterNo());
        CommitmentDraft.Checked checked = draft.check(id, today);
        List<RowProblem> errors = new ArrayList<>(unreadable);
        for (FieldProblem problem : checked.errors()) {
            RowProblem renamed = RowProblem.text(column(problem.field()), problem.message(), messages);
            // a value that could not be read is reported once, as unreadable, not again as "is required" or wrong
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

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, Labels labels, List<RowProblem> errors) {
        if (value == null) {
            return null;
        }
        E parsed = labels.parse(type, value).or(() -> ImportColumns.STANDARD.aliasOf(type, value)).orElse(null);
        if (parsed == null) {
            errors.add(ImportRowMessages.problem(labels, field, ImportRowMessages.UNKNOWN_VALUE, value, type.getSimpleName()));
        }
        return parsed;
    }

    private static LocalDate parseDate(String value, String field, Labels labels, List<RowProblem> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(ImportRowMessages.problem(labels, field, ImportRowMessages.NOT_A_DATE, value));
            return null;
        }
    }
}
