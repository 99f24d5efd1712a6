package org.creditledger.platform.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commits marked {@link LedgerEventStore#withoutWakingReaders} leave their events to the reader's next poll; every other
 * commit, and {@link LedgerEventStore#wakeReaders}, wakes it at once. The poll is an hour here, so an event that
 * arrives came from a wake-up.
 */
class LedgerEventStoreTest {

    final LedgerEventStore store = new LedgerEventStore(EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .fetchDelay(Duration.ofHours(1).toMillis()));
    BlockingStream<TrackedEventMessage<?>> stream;

    @BeforeEach
    void aReaderTailsTheStore() throws InterruptedException {
        stream = store.openStream(null);
        publish("first", false);
        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
        // read to its end, the stream follows the store's reader thread from now on (Axon starts that thread here)
        assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();
        awaitReaderWaiting();
    }

    @AfterEach
    void close() {
        stream.close();
        store.shutDown();
    }

    @Test
    void aMarkedCommitDoesNotWakeTheReader() throws InterruptedException {
        publish("check", true);

        assertThat(stream.hasNextAvailable(300, TimeUnit.MILLISECONDS)).isFalse();

        store.wakeReaders();
        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("check");
    }

    @Test
    void anUnmarkedCommitWakesItAndBringsTheMarkedOnesAlong() throws InterruptedException {
        publish("check", true);
        publish("entry", false);

        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("check");
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("entry");
    }

    private void publish(String payload, boolean withoutWakingReaders) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        if (withoutWakingReaders) {
            LedgerEventStore.withoutWakingReaders(unitOfWork);
        }
        store.publish(GenericEventMessage.asEventMessage(payload));
        unitOfWork.commit();
    }

    /** The reader thread parks only in its timed wait for the next poll (the in-memory engine never blocks). */
    private void awaitReaderWaiting() {
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getThreadGroup() != null && "EmbeddedEventStore".equals(thread.getThreadGroup().getName()))
                .anyMatch(thread -> thread.getState() == Thread.State.TIMED_WAITING && isInWaitForData(thread)));
    }

    private static boolean isInWaitForData(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getMethodName().equals("waitForData")) {
                return true;
            }
        }
        return false;
    }
}
