package org.creditledger.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;

/**
 * Axon's embedded event store, with one difference: a commit may be marked as one that need not wake this JVM's event
 * readers ({@link #withoutWakingReaders}). Axon wakes the thread that reads new events for the tracking processors
 * after every commit in this JVM, and that thread then reads again and again while each read finds something: under a
 * steady trickle of counter checks (each recorded in its own commit) it ran one query per check, the largest part of
 * the follow-up work a check caused. The check recorder marks its commits; their events are found by the reader's
 * next poll ({@code ledger.event-store.fetch-delay}, 100 ms), exactly as events appended by another JVM are. Every
 * other commit (list entries above all, which counter checks must see at once) wakes the reader as before, and a
 * reader waiting for a read model ({@code ProjectionCatchUp}) wakes it at once ({@link #wakeReaders}).
 */
public class LedgerEventStore extends EmbeddedEventStore {

    private static final String WITHOUT_WAKING_READERS = LedgerEventStore.class.getName() + ".withoutWakingReaders";

    LedgerEventStore(Builder builder) {
        super(builder);
    }

    /** Marks the unit of work: its events are left to the reader's next poll instead of waking it at commit. */
    public static void withoutWakingReaders(UnitOfWork<?> unitOfWork) {
        unitOfWork.root().resources().put(WITHOUT_WAKING_READERS, Boolean.TRUE);
    }

    /** Makes the event reader look for new events now, if it is waiting. */
    public void wakeReaders() {
        super.afterCommit(List.of());
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        boolean quiet = CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().root().resources().containsKey(WITHOUT_WAKING_READERS);
        if (!quiet) {
            super.afterCommit(events);
        }
    }
}
