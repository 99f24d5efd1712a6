package org.creditledger.readmodel;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.creditledger.QuerySideApplication;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Base of the query side's HTTP tests: one Spring context for all of them (same configuration everywhere), real
 * HTTP through {@link Api}, events appended straight to the event store through {@link LedgerEvents}.
 * Tests share one database, so each uses its own unit ids ({@link #suffix}).
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ReadApiTest {

    public static final String[] PROCESSING_GROUPS = {"units", "commitments", "quota"};

    @LocalServerPort
    protected int port;
    @Autowired
    protected ApiKeys apiKeys;
    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected EventProcessingConfiguration processing;

    protected Api api;
    protected TestKeys keys;
    protected LedgerEvents events;
    protected String suffix;

    @BeforeEach
    void setUpReadApi() {
        api = Api.at(port);
        keys = new TestKeys(apiKeys);
        events = new LedgerEvents(eventStore);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    protected StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
    }
}
