package org.creditledger.readmodel;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection gets the read models' processor only by declaring a RebuildableProjection; one that runs in a streaming
 * processor without it (Axon's default, one event per transaction, not rebuildable) is found and named, while the
 * command side's subscribing processors are none of the read models' business.
 */
class ReadModelProcessorsTest {

    final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();

    @Test
    void aStreamingProcessorWithoutARebuildableProjectionIsNamed() {
        Map<String, EventProcessor> processors = Map.of(
                "quota", tracking("quota"),
                "forgotten", tracking("forgotten"),
                "known-units", subscribing("known-units"));

        assertThat(ReadModelProcessors.undeclared(processors, List.of("quota"))).containsExactly("forgotten");
        assertThat(ReadModelProcessors.undeclared(processors, List.of("quota", "forgotten"))).isEmpty();
    }

    TrackingEventProcessor tracking(String name) {
        return TrackingEventProcessor.builder().name(name).eventHandlerInvoker(invoker()).messageSource(events)
                .tokenStore(new InMemoryTokenStore()).transactionManager(NoTransactionManager.INSTANCE).build();
    }

    SubscribingEventProcessor subscribing(String name) {
        return SubscribingEventProcessor.builder().name(name).eventHandlerInvoker(invoker()).messageSource(events).build();
    }

    static SimpleEventHandlerInvoker invoker() {
        return SimpleEventHandlerInvoker.builder().eventHandlers(new Projection()).build();
    }

    static class Projection {
        @EventHandler
        void on(String event) {
        }
    }
}
