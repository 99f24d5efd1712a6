package org.creditledger.readmodel;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The linger of a read model's event stream: the first event after the stream ran dry is reported only after the
 * linger (so the events that follow share its transaction), never while events keep coming, and at once when a reader
 * hurries the processing group.
 */
class LingeringEventSourceTest {

    final Events events = new Events();
    final Hurry hurry = new Hurry(() -> { });

    @Test
    void theFirstEventAfterAQuietMomentWaitsForTheLinger() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = source(Duration.ofMillis(200)).openStream(null);
        events.add(1);

        long started = System.nanoTime();
        assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();

        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(1));
    }

    @Test
    void whileEventsKeepComingNobodyWaits() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = source(Duration.ofDays(1)).openStream(null);
        events.add(1);
        events.add(2);
        events.add(3);
        hurry.hurry("quota"); // the first batch after opening would linger too; this test is about the ones after it
        assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        stream.nextAvailable();
        assertThat(stream.hasNextAvailable()).isTrue(); // the batch goes on: events keep coming

        CompletableFuture<Boolean> nextBatch = CompletableFuture.supplyAsync(() -> hasNext(stream));

        // a linger of a day would never end within the wait below
        await().atMost(Duration.ofSeconds(30)).until(nextBatch::isDone);
        assertThat(nextBatch.get()).isTrue();
    }

    @Test
    void aReaderWaitingForTheProcessorEndsTheLinger() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = source(Duration.ofDays(1)).openStream(null);

        assertThat(hurriedAfterAnEventArrives(stream)).isTrue();
    }

    @Test
    void anEmptyStreamAnswersNoAfterTheProcessorsOwnTimeout() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = source(Duration.ofDays(1)).openStream(null);

        assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void closingAnOldStreamAfterAxonOpenedANewOneKeepsTheNewOneHurriable() throws Exception {
        StreamableMessageSource<TrackedEventMessage<?>> source = source(Duration.ofDays(1));
        BlockingStream<TrackedEventMessage<?>> old = source.openStream(null);
        BlockingStream<TrackedEventMessage<?>> current = source.openStream(null);
        old.close();
        assertThat(events.closed).isTrue();

        assertThat(hurriedAfterAnEventArrives(current)).isTrue();
    }

    /**
     * An event arrives while the processor waits on the stream; once the processor has asked for it (and lingers,
     * for a day), a reader hurries the group. Whether the processor then got the event, within a wait far shorter
     * than the linger.
     */
    private boolean hurriedAfterAnEventArrives(BlockingStream<TrackedEventMessage<?>> stream) throws Exception {
        events.add(1);
        CompletableFuture<Boolean> lingering = CompletableFuture.supplyAsync(() -> hasNext(stream));
        await().atMost(Duration.ofSeconds(30)).until(() -> events.asked > 0);

        hurry.hurry("quota");

        await().atMost(Duration.ofSeconds(30)).until(lingering::isDone);
        return lingering.get();
    }

    @Test
    void noLingerMeansAxonsOwnStream() {
        assertThat(source(Duration.ZERO).openStream(null)).isSameAs(events);
    }

    private StreamableMessageSource<TrackedEventMessage<?>> source(Duration linger) {
        return new LingeringEventSource(token -> events, linger, "quota", hurry);
    }

    private static boolean hasNext(BlockingStream<TrackedEventMessage<?>> stream) {
        try {
            return stream.hasNextAvailable(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An event stream in memory: what the event store would hand the processor. */
    static final class Events implements BlockingStream<TrackedEventMessage<?>> {
        private final Deque<TrackedEventMessage<?>> queue = new ArrayDeque<>();
        volatile int asked;
        volatile boolean closed;

        synchronized void add(long index) {
            TrackingToken token = new GlobalSequenceTrackingToken(index);
            queue.add(new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("event " + index)));
        }

        @Override
        public synchronized Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(queue.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            asked++;
            long until = System.nanoTime() + unit.toNanos(timeout);
            while (peek().isEmpty()) {
                if (System.nanoTime() - until >= 0) {
                    return false;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L); // a fake stream polling its queue
            }
            return true;
        }

        @Override
        public synchronized TrackedEventMessage<?> nextAvailable() {
            return queue.poll();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
