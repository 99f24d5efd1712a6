package org.creditledger.commitment.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What one {@link ImportKind} makes of a row: the command to send for it, or why the row is rejected before any
 * command. {@link ImportChunkProcessor} sends the commands of a chunk in one transaction and stores the results;
 * the job, its queue, its limits and its report are the same for every kind.
 */
interface RowImporter {

    ImportKind kind();

    /**
     * @param command the command to dispatch (null when the row has problems)
     * @param id      the commitment the row's result names once accepted: the letter posted, or the letter whose
     *                outcome was recorded
     * @param errors  why the row is rejected without a command
     */
    record Prepared(Object command, UUID id, List<RowProblem> errors) {

        static Prepared send(Object command, UUID id) {
            return new Prepared(command, id, List.of());
        }

        static Prepared rejected(List<RowProblem> errors) {
            return new Prepared(null, null, List.copyOf(errors));
        }
    }

    Prepared prepare(ImportJob job, SheetRow row, LocalDate today);

    /**
     * For a row that could not be committed even alone: the id to report it accepted with, if an earlier run of the
     * job already stored its event.
     */
    Optional<UUID> storedBefore(ImportJob job, SheetRow row);
}
