package org.creditledger.readmodel;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The event store as a read model's processor sees it, with a linger ({@code ledger.read.linger}): when an event
 * arrives after the stream ran dry, the stream reports it only after the linger has passed, so the events that follow
 * within it are handled in the same transaction (Kafka's {@code linger.ms}, for the same reason). Without it, under a
 * steady trickle of counter checks each processor that follows them ran one transaction, one token update and one
 * commit per check. While events keep coming (a backlog, a replay, a busy ledger) the stream never runs dry and nobody
 * waits: the linger costs only the first event after a quiet moment, at most the linger, in freshness. And a reader
 * that waits for the processor ({@link ProjectionCatchUp}) cuts the linger short ({@link Hurry}), so read-your-writes
 * does not wait for it.
 */
final class LingeringEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final long lingerNanos;
    private final String processingGroup;
    private final Hurry hurry;

    LingeringEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, Duration linger, String processingGroup,
                         Hurry hurry) {
        this.events = events;
        this.lingerNanos = linger.toNanos();
        this.processingGroup = processingGroup;
        this.hurry = hurry;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = events.openStream(trackingToken);
        if (lingerNanos == 0) {
            return stream;
        }
        Lingering lingering = new Lingering(stream, lingerNanos);
        hurry.register(processingGroup, lingering);
        lingering.onClose = () -> hurry.forget(processingGroup, lingering);
        return lingering;
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return events.createTokenSince(duration);
    }

    /**
     * A stream that, once it has had nothing to give, lets the linger pass before it reports the next event. Axon's
     * processor asks {@code hasNextAvailable(timeout)} to start a batch and {@code hasNextAvailable()} (no wait) to
     * fill it; only the first waits here.
     */
    static final class Lingering implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final long lingerNanos;
        private Runnable onClose = () -> { };
        private boolean ranDry = true;
        private volatile boolean hurried;
        private volatile Thread lingering;

        Lingering(BlockingStream<TrackedEventMessage<?>> stream, long lingerNanos) {
            this.stream = stream;
            this.lingerNanos = lingerNanos;
        }

        /** Ends the current linger at once, or skips the next one. */
        void hurry() {
            hurried = true;
            Thread thread = lingering;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }

        private void linger() throws InterruptedException {
            long until = System.nanoTime() + lingerNanos;
            lingering = Thread.currentThread();
            try {
                for (long left = lingerNanos; !hurried && left > 0; left = until - System.nanoTime()) {
                    LockSupport.parkNanos(this, left);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
            } finally {
                lingering = null;
                hurried = false;
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (!stream.hasNextAvailable()) {
                ranDry = true;
                if (!stream.hasNextAvailable(timeout, unit)) {
                    return false;
                }
            }
            if (ranDry) {
                ranDry = false;
                linger();
            }
            return true;
        }

        @Override
        public boolean hasNextAvailable() {
            boolean available = stream.hasNextAvailable();
            if (!available) {
                ranDry = true;
            }
            return available;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void close() {
            onClose.run();
            stream.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }
    }
}
