package org.creditledger.platform.axon;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.creditledger.platform.axon.LookupTableProcessors.HandledEventsOnly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lookup table's processor is handed only the events its handlers take: it handles them as before and is never
 * offered the others (its message monitor sees every message a processor is offered, handled or ignored).
 */
class LookupTableProcessorsTest {

    record Listed(String subject) {
    }

    record Checked(String subject) {
    }

    static class Table {
        final List<String> listed = new ArrayList<>();

        @EventHandler
        void on(Listed event) {
            listed.add(event.subject());
        }
    }

    final SimpleEventBus bus = SimpleEventBus.builder().build();
    final Table table = new Table();
    final List<Object> offered = new ArrayList<>();
    SubscribingEventProcessor processor;

    @BeforeEach
    void subscribe() {
        AtomicReference<SubscribingEventProcessor> self = new AtomicReference<>();
        processor = SubscribingEventProcessor.builder()
                .name("table")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(table).build())
                .messageSource(new HandledEventsOnly(bus, self::get))
                .messageMonitor(new Offered())
                .build();
        self.set(processor);
        processor.start();
    }

    @AfterEach
    void stop() {
        processor.shutDown();
    }

    @Test
    void eventsWithoutAHandlerAreNotOffered() {
        bus.publish(event(new Checked("A")), event(new Listed("B")), event(new Checked("C")), event(new Listed("D")));
        bus.publish(event(new Checked("E")), event(new Checked("F")));

        assertThat(table.listed).containsExactly("B", "D");
        assertThat(offered).containsExactly(new Listed("B"), new Listed("D"));
    }

    static EventMessage<?> event(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    /** Records the payload of every message the processor is offered. */
    class Offered implements MessageMonitor<EventMessage<?>> {
        @Override
        public MonitorCallback onMessageIngested(EventMessage<?> message) {
            offered.add(message.getPayload());
            return NoOpMessageMonitorCallback.INSTANCE;
        }
    }
}
