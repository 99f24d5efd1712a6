package org.creditledger.platform.axon;

import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.messaging.SubscribableMessageSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The command side's set-based lookup tables (known lists, known units, one active entry per subject and list,
 * joint-action cases, letter numbers and letters) change in the transaction that appends their events: each is a
 * subscribing processor, and a failure in it fails that transaction ({@link PropagatingErrorHandler}; a subscribing
 * processor's default handler only logs, which would commit the event and leave the table wrong).
 *
 * <p>Each of them is handed only the events it has handlers for ({@link HandledEventsOnly}). Axon offers a subscribing
 * processor every event appended in this JVM and asks, per event, whether a handler takes it, walking its handlers
 * (and their reset handlers) each time: recording a batch of 1,000 counter checks spent about a third of its thread's
 * time there, in processors that handle no check (issue 13). Whether a processor handles a payload type is asked once
 * per type; a commit with nothing for it does not reach it at all.
 */
public final class LookupTableProcessors {

    private LookupTableProcessors() {
    }

    /** Registers {@code processingGroup} as a subscribing processor that fails its transaction when a handler fails. */
    public static void register(EventProcessingConfigurer processing, String processingGroup) {
        processing.registerSubscribingEventProcessor(processingGroup,
                        configuration -> new HandledEventsOnly(configuration.eventBus(),
                                () -> configuration.eventProcessingConfiguration()
                                        .eventProcessor(processingGroup, SubscribingEventProcessor.class)
                                        .orElseThrow(() -> new IllegalStateException("no processor " + processingGroup))))
                .registerListenerInvocationErrorHandler(processingGroup, configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * A message source that passes each subscriber (the processor it was made for) only the events of a payload type
     * the processor's handlers take, as Axon's {@code canHandleType} says: the events it would otherwise have been given
     * and ignored one by one. The processor is looked up at the first event, when it exists.
     */
    static final class HandledEventsOnly implements SubscribableMessageSource<EventMessage<?>> {

        private final SubscribableMessageSource<EventMessage<?>> source;
        private final Supplier<? extends AbstractEventProcessor> processor;
        private final Map<Class<?>, Boolean> handled = new ConcurrentHashMap<>();

        HandledEventsOnly(SubscribableMessageSource<EventMessage<?>> source,
                          Supplier<? extends AbstractEventProcessor> processor) {
            this.source = source;
            this.processor = processor;
        }

        @Override
        public Registration subscribe(Consumer<List<? extends EventMessage<?>>> messageProcessor) {
            return source.subscribe(events -> {
                List<? extends EventMessage<?>> handledHere = events.stream().filter(this::handles).toList();
                if (!handledHere.isEmpty()) {
                    messageProcessor.accept(handledHere.size() == events.size() ? events : handledHere);
                }
            });
        }

        private boolean handles(EventMessage<?> event) {
            return handled.computeIfAbsent(event.getPayloadType(),
                    type -> processor.get().eventHandlerInvoker().canHandleType(type));
        }
    }
}
