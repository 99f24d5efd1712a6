package org.creditledger.commitment.imports;

import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentMessages.RecordOutcomeCommand;
import org.creditledger.commitment.api.Outcome;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.i18n.Labels;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.command.KnownUnits;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rows of an outcome import (履约践诺信息): each names a letter, by {@code commitmentId} or by the {@code letterNo}
 * of a unit (the uploading clerk's own unit; an ADMIN row says which with {@code unitId}), and becomes the
 * {@link RecordOutcomeCommand} of {@code POST /commitments/{id}/outcome}, so the same rules hold: the letter's
 * unit only, one outcome per letter (a second is refused by the letter itself, also when a file names one letter
 * twice), not in the future, not before the letter was signed.
 * <p>Letters are found in command-side tables only: the event store (does the letter exist) and
 * {@code commitment_letter_no} (a unit's letter numbers), never the read side.
 */
@Component
class OutcomeRows implements RowImporter {

    static final int MAX_NOTE_CHARS = 2000;

    private final KnownUnits knownUnits;
    private final JdbcClient jdbc;
    private final Labels labels;
    private final MessageSource messages;

    OutcomeRows(KnownUnits knownUnits, JdbcClient jdbc, Labels labels, MessageSource messages) {
        this.knownUnits = knownUnits;
        this.jdbc = jdbc;
        this.labels = labels;
        this.messages = messages;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.OUTCOMES;
    }

    @Override
    public Prepared prepare(ImportJob job, SheetRow row, LocalDate today) {
        List<RowProblem> errors = new ArrayList<>();
        boolean clerk = Role.UNIT_CLERK.name().equals(job.uploaderRole());
        String unitCell = row.cell("unitId");
        String unit = clerk ? job.uploaderUnit() : unitCell;
        if (clerk && unitCell != null && !unitCell.equals(job.uploaderUnit())) {
            errors.add(ImportRowMessages.problem(labels, "unitId", ImportRowMessages.OWN_UNIT_OUTCOMES_ONLY, job.uploaderUnit()));
        } else if (!clerk && unitCell != null && (!UnitId.isValid(unitCell) || !knownUnits.exists(new UnitId(unitCell)))) {
            errors.add(ImportRowMessages.problem(labels, "unitId", ImportRowMessages.UNKNOWN_UNIT, unitCell));
            unit = null;
        }
        Outcome outcome = outcome(row.cell("outcome"), errors);
        LocalDate occurredOn = occurredOn(row.cell("occurredOn"), today, errors);
        String note = row.cell("note");
        if (note != null && note.length() > MAX_NOTE_CHARS) {
            errors.add(RowProblem.text("note", FieldProblem.of("note", "problem.field.max-length", Integer.toString(MAX_NOTE_CHARS)).message(), messages));
        }
        UUID letter = letter(row, unit, !clerk && unitCell == null, errors);
        if (!errors.isEmpty()) {
            return Prepared.rejected(errors);
        }
        // a clerk records for its own unit; an ADMIN row that names a unit is held to that unit's letters
        UnitId recordedBy = unit == null ? null : new UnitId(unit);
        return Prepared.send(new RecordOutcomeCommand(new CommitmentId(letter), outcome, occurredOn, note, recordedBy), letter);
    }

    /** Nothing to look for: an outcome's event is stored with its row's result or not at all. */
    @Override
    public Optional<UUID> storedBefore(ImportJob job, SheetRow row) {
        return Optional.empty();
    }

    /** The letter the row names, or null with the reason in {@code errors}. */
    private UUID letter(SheetRow row, String unit, boolean adminWithoutUnit, List<RowProblem> errors) {
        String idCell = row.cell("commitmentId");
        String letterNo = row.cell("letterNo");
        if (idCell == null && letterNo == null) {
            errors.add(ImportRowMessages.problem(labels, "commitmentId", ImportRowMessages.NO_LETTER));
            return null;
        }
        UUID byNumber = null;
        if (letterNo != null) {
            if (adminWithoutUnit) {
                errors.add(ImportRowMessages.problem(labels, "unitId", ImportRowMessages.UNIT_FOR_LETTER_NO, letterNo));
                return null;
            }
            if (unit == null) {
                return null; // the unit is wrong, said above
            }
            byNumber = jdbc.sql("select commitment_id from commitment_letter_no where unit_id = ? and letter_no = ?")
                    .params(unit, letterNo).query(UUID.class).optional().orElse(null);
            if (byNumber == null) {
                errors.add(ImportRowMessages.problem(labels, "letterNo", ImportRowMessages.UNKNOWN_LETTER_NO, unit, letterNo));
                return null;
            }
        }
        if (idCell == null) {
            return byNumber;
        }
        UUID byId;
        try {
            byId = UUID.fromString(idCell);
        } catch (IllegalArgumentException e) {
            errors.add(ImportRowMessages.problem(labels, "commitmentId", ImportRowMessages.NOT_A_COMMITMENT_ID, idCell));
            return null;
        }
        if (!exists(byId)) {
            errors.add(ImportRowMessages.problem(labels, "commitmentId", ImportRowMessages.UNKNOWN_LETTER, idCell));
            return null;
        }
        if (byNumber != null && !byNumber.equals(byId)) {
            errors.add(ImportRowMessages.problem(labels, "letterNo", ImportRowMessages.LETTER_MISMATCH, letterNo, byNumber.toString(), idCell));
            return null;
        }
        return byId;
    }

    /** A commitment letter with this id was posted: its first event is in the store. */
    private boolean exists(UUID commitmentId) {
        return jdbc.sql("select exists (select 1 from domain_event_entry where aggregate_identifier = ? and sequence_number = 0 and type = 'Commitment')")
                .param(commitmentId.toString()).query(Boolean.class).single();
    }

    private Outcome outcome(String value, List<RowProblem> errors) {
        if (value == null) {
            errors.add(RowProblem.text("outcome", FieldProblem.of("outcome", "problem.field.required").message(), messages));
            return null;
        }
        Outcome parsed = labels.parse(Outcome.class, value).or(() -> ImportColumns.OUTCOMES.aliasOf(Outcome.class, value)).orElse(null);
        if (parsed == null) {
            errors.add(ImportRowMessages.problem(labels, "outcome", ImportRowMessages.UNKNOWN_VALUE, value, Outcome.class.getSimpleName()));
        }
        return parsed;
    }

    private LocalDate occurredOn(String value, LocalDate today, List<RowProblem> errors) {
        if (value == null) {
            errors.add(RowProblem.text("occurredOn", FieldProblem.of("occurredOn", "problem.field.required").message(), messages));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isAfter(today)) {
                errors.add(RowProblem.text("occurredOn", FieldProblem.of("occurredOn", "problem.field.not-future", today).message(), messages));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(ImportRowMessages.problem(labels, "occurredOn", ImportRowMessages.NOT_A_DATE, value));
            return null;
        }
    }
}
