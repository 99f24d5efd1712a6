package org.creditledger.commitment.imports;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.imports.ImportJobStore.ImportRowStatus;
import org.creditledger.commitment.imports.ImportJobStore.RowResult;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.i18n.Labels;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.command.KnownUnits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts one chunk of import rows in ONE database transaction: a root unit of work with the Spring transaction
 * attached; every valid row's {@code PostCommitmentCommand} is dispatched synchronously on the {@link CommandBus}
 * (SimpleCommandBus runs the handler in this thread, in a nested unit of work that joins the transaction). Events of
 * the nested units of work are queued on the root and appended by ONE {@code appendEvents} call (a JDBC batch) at
 * its commit; the overdue deadlines the aggregate schedules are written by db-scheduler through a
 * {@code TransactionAwareDataSourceProxy}, so they join the same transaction; the chunk's row results and the job's
 * counters are written as JDBC batches in it too. So a chunk is all-or-nothing, and a row is one command, one event.
 * <p>A row rejected by the aggregate only rolls back its nested unit of work; the rest of the chunk proceeds. If the
 * chunk's commit itself fails, the chunk is retried one row per transaction, so one bad row cannot sink the others.
 * <p>Rows are counted once committed, as {@code ledger.imports.rows} by {@code result} ({@code accepted},
 * {@code rejected}): its rate is the import's rows per second.
 */
@Component
class ImportChunkProcessor {

    private static final Logger log = LoggerFactory.getLogger(ImportChunkProcessor.class);

    private final CommandBus commandBus;
    private final TransactionManager transactionManager;
    private final ImportJobStore store;
    private final KnownUnits knownUnits;
    private final Labels labels;
    private final MessageSource messages;
    private final Counter acceptedRows;
    private final Counter rejectedRows;

    ImportChunkProcessor(CommandBus commandBus, TransactionManager transactionManager, ImportJobStore store, KnownUnits knownUnits,
                         Labels labels, MessageSource messages, MeterRegistry meters) {
        this.labels = labels;
        this.messages = messages;
        this.commandBus = commandBus;
        this.transactionManager = transactionManager;
        this.store = store;
        this.knownUnits = knownUnits;
        this.acceptedRows = rows(meters, "accepted");
        this.rejectedRows = rows(meters, "rejected");
    }

    private static Counter rows(MeterRegistry meters, String result) {
        return Counter.builder("ledger.imports.rows").tag("result", result)
                .description("Import rows whose result is committed, accepted (a commitment posted) or rejected").register(meters);
    }

    private void count(List<RowResult> results) {
        long accepted = results.stream().filter(r -> r.status() == ImportRowStatus.ACCEPTED).count();
        acceptedRows.increment(accepted);
        rejectedRows.increment(results.size() - accepted);
    }

    /** The commitment id of a row: deterministic, so a resumed job can never post a row twice. */
    static CommitmentId commitmentIdFor(String sha256, int row) {
        return new CommitmentId(UUID.nameUUIDFromBytes((sha256 + ":" + row).getBytes(StandardCharsets.UTF_8)));
    }

    void process(ImportJob job, List<ImportRow> rows, LocalDate today) {
        try {
            inOneTransaction(job, rows, today);
        } catch (RuntimeException chunkFailure) {
            log.warn("Import {}: chunk of rows {}..{} failed to commit ({}); retrying it one row per transaction",
                    job.importId(), rows.get(0).row(), rows.get(rows.size() - 1).row(), chunkFailure.toString());
            for (ImportRow row : rows) {
                try {
                    inOneTransaction(job, List.of(row), today);
                } catch (RuntimeException rowFailure) {
                    storeUnstorable(job, row, rowFailure);
                }
            }
        }
    }

    private void inOneTransaction(ImportJob job, List<ImportRow> rows, LocalDate today) {
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        List<RowResult> results;
        try {
            root.attachTransaction(transactionManager);
            int storedByAnyNode = store.lockForChunk(job.importId());
            results = new ArrayList<>(rows.size());
            for (ImportRow row : rows) {
                if (row.row() > storedByAnyNode) {
                    results.add(post(job, row, today));
                }
            }
            if (!results.isEmpty()) {
                store.storeResults(job.importId(), results);
            }
        } catch (RuntimeException e) {
            root.rollback(e);
            throw e;
        }
        root.commit(); // appends the chunk's events in one batch, then commits the transaction; rolls back on failure
        count(results);
    }

    private RowResult post(ImportJob job, ImportRow row, LocalDate today) {
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
        if (!errors.isEmpty()) {
            return new RowResult(row.row(), row.line(), ImportRowStatus.REJECTED, null, List.copyOf(errors));
        }
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(checked.command())
                .andMetaData(job.metadataForRow(row.row()).toMetaData()
                        // the row counts (quota) when its file was accepted, not when the worker reached it
                        .and(LedgerMetadata.ACCEPTED_AT, job.uploadedAt().toString()));
        AtomicReference<CommandResultMessage<?>> result = new AtomicReference<>();
        commandBus.dispatch(command, (message, outcome) -> result.set(outcome));
        if (result.get() == null) {
            throw new IllegalStateException("The command bus did not handle the command in the calling thread; imports need a synchronous local command bus.");
        }
        if (result.get().isExceptional()) {
            return new RowResult(row.row(), row.line(), ImportRowStatus.REJECTED, null, problemsOf(result.get().exceptionResult()));
        }
        return new RowResult(row.row(), row.line(), ImportRowStatus.ACCEPTED, id.value(), List.of());
    }

    /**
     * A row that cannot be committed even alone: accepted if an earlier run already stored its event, else rejected —
     * for the ledger's own reason when a rule checked at commit refused it (a letter number its unit already used),
     * else as not stored.
     */
    private void storeUnstorable(ImportJob job, ImportRow row, RuntimeException failure) {
        if (refusedAtCommit(failure).isEmpty()) {
            log.warn("Import {}: row {} could not be stored even alone", job.importId(), row.row(), failure);
        }
        CommitmentId id = commitmentIdFor(job.sha256(), row.row());
        AtomicReference<RowResult> stored = new AtomicReference<>();
        transactionManager.executeInTransaction(() -> {
            RowResult result = store.eventExists(id.value())
                    ? new RowResult(row.row(), row.line(), ImportRowStatus.ACCEPTED, id.value(), List.of())
                    : new RowResult(row.row(), row.line(), ImportRowStatus.REJECTED, null, refusedAtCommit(failure)
                    .map(this::problemsOf)
                    .orElseGet(() -> List.of(ImportRowMessages.problem(labels, "row", ImportRowMessages.NOT_STORED))));
            store.storeResults(job.importId(), List.of(result));
            stored.set(result);
        });
        count(List.of(stored.get()));
    }

    private static java.util.Optional<LedgerProblem> refusedAtCommit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LedgerProblem problem) {
                return java.util.Optional.of(problem);
            }
        }
        return java.util.Optional.empty();
    }

    /** The ledger's own problem texts as they are; anything else (database, framework) as a fixed text, logged. */
    private List<RowProblem> problemsOf(Throwable failure) {
        Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof LedgerProblem problem && !problem.errors().isEmpty()) {
            return problem.errors().stream().map(p -> RowProblem.text(ImportRowCheck.column(p.field()), p.message(), messages)).toList();
        }
        if (cause instanceof LedgerProblem problem) {
            return List.of(RowProblem.text("row", problem.detail(), messages));
        }
        log.warn("An import row was rejected by an unexpected error", failure);
        return List.of(ImportRowMessages.problem(labels, "row", ImportRowMessages.NOT_POSTED));
    }

}
