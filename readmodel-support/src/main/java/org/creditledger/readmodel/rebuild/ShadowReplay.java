package org.creditledger.readmodel.rebuild;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * One rebuild's replay: events from the start of the event store, in global order, through the processing group's own
 * handlers (the very adapters its live processor calls), into the shadow tables. Each batch of events is one
 * {@link ShadowTransactions shadow transaction}, in which the projection's unchanged SQL writes the copies; the
 * batch's progress is stored in the same transaction.
 *
 * <p>Like the live processor, a batch runs in a {@link BatchingUnitOfWork}; unlike it, a handler's exception is not
 * logged and skipped but ends the rebuild, so a rebuilt table never silently misses an event.
 */
final class ShadowReplay {

    private final BlockingStream<TrackedEventMessage<?>> events;
    private final List<EventMessageHandler> handlers;
    private final ShadowTables.Shadow shadow;
    private final ShadowTransactions transactions;
    private final RebuildJobStore jobs;
    private final UUID rebuildId;
    private final int batchSize;
    private final BooleanSupplier cancelled;
    /** Written by the rebuild's thread only; read by the metrics' gauge. */
    private volatile long processed;
    private TrackingToken token;

    ShadowReplay(BlockingStream<TrackedEventMessage<?>> events, List<EventMessageHandler> handlers, ShadowTables.Shadow shadow,
                 ShadowTransactions transactions, RebuildJobStore jobs, UUID rebuildId,
                 int batchSize, BooleanSupplier cancelled) {
        this.events = events;
        this.handlers = handlers;
        this.shadow = shadow;
        this.transactions = transactions;
        this.jobs = jobs;
        this.rebuildId = rebuildId;
        this.batchSize = batchSize;
        this.cancelled = cancelled;
    }

    /** Replays every event stored by now; returns when the stream has no more. */
    void catchUp() throws InterruptedException {
        while (events.hasNextAvailable()) {
            if (cancelled.getAsBoolean()) {
                throw new IllegalStateException("the application is shutting down");
            }
            List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
            while (batch.size() < batchSize && events.hasNextAvailable()) {
                batch.add(events.nextAvailable());
            }
            TrackingToken reached = batch.get(batch.size() - 1).trackingToken();
            transactions.run(shadow, () -> {
                handle(batch);
                jobs.progress(rebuildId, processed + batch.size(), position(reached));
            });
            processed += batch.size();
            token = reached;
        }
    }

    /** Events replayed (and committed into the copies) so far. */
    long processed() {
        return processed;
    }

    /** The position of the last event replayed, as a token the live processor can resume from; null before any. */
    TrackingToken token() {
        return token;
    }

    static Long position(TrackingToken token) {
        return token == null || token.position().isEmpty() ? null : token.position().getAsLong();
    }

    private void handle(List<TrackedEventMessage<?>> batch) {
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            for (EventMessageHandler handler : handlers) {
                if (handler.canHandle(event)) {
                    handler.handle(event);
                }
            }
            return null;
        });
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            EventMessage<?> failed = unitOfWork.getMessage();
            throw new EventFailed("event " + position(((TrackedEventMessage<?>) failed).trackingToken()) + " ("
                    + failed.getPayloadType().getSimpleName() + "): " + ProjectionRebuilds.reason(cause), cause);
        }
    }

    /** A handler failed on an event; the message names the event. */
    static class EventFailed extends RuntimeException {
        EventFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
