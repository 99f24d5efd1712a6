package org.creditledger.readmodel.rebuild;

import java.time.Instant;
import java.util.UUID;

/**
 * One rebuild of a projection, as stored in {@code projection_rebuild}.
 *
 * @param totalEvents     events in the store when the rebuild began
 * @param processedEvents events replayed so far; those appended during the rebuild count too, so it may end above
 *                        {@code totalEvents}
 * @param position        the global index of the last event replayed (when DONE: where the processor resumed)
 */
public record RebuildJob(UUID rebuildId, String name, State state, long totalEvents, long processedEvents, Long position,
                         String requestedBy, Instant startedAt, Instant finishedAt, String error) {

    public enum State { RUNNING, DONE, FAILED }

    /** Events per second from the job's own timestamps (up to now while it runs); null before the first event. */
    public Double eventsPerSecond(Instant now) {
        if (processedEvents == 0) {
            return null;
        }
        Instant end = finishedAt != null ? finishedAt : now;
        double seconds = Math.max(0.001, (end.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
        return Math.round(processedEvents / seconds * 10) / 10.0;
    }
}
