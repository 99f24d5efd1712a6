package org.creditledger.commitment.imports;

import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.i18n.Labels;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.command.KnownUnits;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rows of a letter import: each is checked like {@code POST /commitments} ({@link ImportRowCheck}) and becomes a
 * {@code PostCommitmentCommand} whose commitment id follows from the file and the row, so a resumed job can never post
 * a row twice. A UNIT_CLERK key imports for its own unit only.
 */
@Component
class LetterRows implements RowImporter {

    private final KnownUnits knownUnits;
    private final ImportJobStore store;
    private final Labels labels;
    private final MessageSource messages;

    LetterRows(KnownUnits knownUnits, ImportJobStore store, Labels labels, MessageSource messages) {
        this.knownUnits = knownUnits;
        this.store = store;
        this.labels = labels;
        this.messages = messages;
    }

    /** The commitment id of a row: deterministic, so a resumed job can never post a row twice. */
    static CommitmentId commitmentIdFor(String sha256, int row) {
        return new CommitmentId(UUID.nameUUIDFromBytes((sha256 + ":" + row).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public ImportKind kind() {
        return ImportKind.LETTERS;
    }

    @Override
    public Prepared prepare(ImportJob job, SheetRow sheetRow, LocalDate today) {
        ImportRow row = ImportRow.of(sheetRow);
        CommitmentId id = commitmentIdFor(job.sha256(), row.row());
        ImportRowCheck.Result checked = ImportRowCheck.check(row, id, today, labels, messages);
        List<RowProblem> errors = new ArrayList<>(checked.errors());
        if (row.unitId() != null && UnitId.isValid(row.unitId())) {
            UnitId unit = new UnitId(row.unitId());
            if (Role.UNIT_CLERK.name().equals(job.uploaderRole()) && !row.unitId().equals(job.uploaderUnit())) {
                errors.add(ImportRowMessages.problem(labels, "unitId", ImportRowMessages.OWN_UNIT_ONLY, job.uploaderUnit()));
            } else if (!knownUnits.exists(unit)) {
                errors.add(ImportRowMessages.problem(labels, "unitId", ImportRowMessages.UNKNOWN_UNIT, unit.value()));
            }
        }
        return errors.isEmpty() ? Prepared.send(checked.command(), id.value()) : Prepared.rejected(errors);
    }

    @Override
    public Optional<UUID> storedBefore(ImportJob job, SheetRow row) {
        UUID id = commitmentIdFor(job.sha256(), row.row()).value();
        return store.eventExists(id) ? Optional.of(id) : Optional.empty();
    }
}
