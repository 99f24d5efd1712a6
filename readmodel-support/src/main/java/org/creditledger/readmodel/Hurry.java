package org.creditledger.readmodel;

import org.creditledger.platform.axon.LedgerEventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lingering event streams of this JVM's read-model processors, by processing group ({@link LingeringEventSource}),
 * so that a reader waiting for a processor can end its linger: the linger saves transactions while nobody is waiting,
 * and costs nothing to somebody who is.
 */
@Component
class Hurry {

    private final Map<String, LingeringEventSource.Lingering> streams = new ConcurrentHashMap<>();
    private final Runnable wakeEventStore;

    @Autowired
    Hurry(LedgerEventStore eventStore) {
        this(eventStore::wakeReaders);
    }

    Hurry(Runnable wakeEventStore) {
        this.wakeEventStore = wakeEventStore;
    }

    void register(String processingGroup, LingeringEventSource.Lingering stream) {
        streams.put(processingGroup, stream);
    }

    void forget(String processingGroup, LingeringEventSource.Lingering stream) {
        streams.remove(processingGroup, stream);
    }

    /**
     * Ends the linger of the group's stream in this JVM, if it has one (a processor runs one stream at a time), and
     * wakes the event store's reader, which may not have been woken for the events awaited ({@link LedgerEventStore}).
     */
    void hurry(String processingGroup) {
        wakeEventStore.run();
        LingeringEventSource.Lingering stream = streams.get(processingGroup);
        if (stream != null) {
            stream.hurry();
        }
    }
}
