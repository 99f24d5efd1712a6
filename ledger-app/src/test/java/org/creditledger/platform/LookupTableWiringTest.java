package org.creditledger.platform;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.creditledger.LedgerHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every subscribing processor of the ledger is a command-side lookup table registered through
 * {@code LookupTableProcessors}: a failing handler fails the transaction that appends its event, and the processor is
 * not offered every event of the JVM (a batch of 1,000 counter checks, none of which a lookup table handles, spent a
 * fifth of its recording time asking two processors registered past it; benchmarks.md, issue 13, session 12).
 */
class LookupTableWiringTest extends LedgerHttpTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventBus eventBus;

    @Test
    void everySubscribingProcessorFailsItsTransactionAndSeesOnlyItsEvents() {
        List<SubscribingEventProcessor> subscribing = processing.eventProcessors().values().stream()
                .filter(SubscribingEventProcessor.class::isInstance).map(SubscribingEventProcessor.class::cast).toList();

        assertThat(subscribing).extracting(SubscribingEventProcessor::getName)
                .containsExactlyInAnyOrder("known-lists", "known-units", "active-list-entries", "joint-action-lookups",
                        "commitment-letter-numbers", "commitment-letters");
        assertThat(subscribing).allSatisfy(processor -> {
            assertThat(processor.getMessageSource()).as(processor.getName()).isNotSameAs(eventBus);
            assertThat(invokers(processor.eventHandlerInvoker())).as(processor.getName()).isNotEmpty()
                    .allSatisfy(invoker -> assertThat(invoker.getListenerInvocationErrorHandler())
                            .isInstanceOf(PropagatingErrorHandler.class));
        });
    }

    private static Stream<SimpleEventHandlerInvoker> invokers(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(LookupTableWiringTest::invokers);
        }
        return invoker instanceof SimpleEventHandlerInvoker simple ? Stream.of(simple) : Stream.empty();
    }
}
