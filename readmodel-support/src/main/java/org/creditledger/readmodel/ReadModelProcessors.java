package org.creditledger.readmodel;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.common.transaction.TransactionManager;
import org.creditledger.readmodel.rebuild.BatchedStatementsTransactionManager;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How every read model's processor runs: a tracking processor over the event store (segments and token claims in
 * {@code token_entry} spread the work over JVMs), one for each {@link RebuildableProjection} bean, with
 * <ul>
 *   <li>{@code ledger.read.batch-size} events per transaction (default 200): Axon's default of 1 gives one transaction
 *       per event, which kept the read models seconds behind a 10,000-row import;</li>
 *   <li>{@code ledger.read.event-availability-timeout} (default 200 ms): while a processor meets only events it does
 *       not handle, Axon stores its token only after this long (1 s by default), so readers on other nodes, which go by
 *       the committed token, waited that long for an unrelated write;</li>
 *   <li>{@code ledger.read.linger} (default 50 ms): the first event after a quiet moment waits that long for the ones
 *       that follow, so a steady trickle of counter checks is handled a few per transaction, not one each; a reader
 *       waiting for the processor ends the wait ({@link LingeringEventSource}); a projection read without waiting
 *       (declared {@link RebuildableProjection#readWithoutWaiting()}: the counter checks') never lingers;</li>
 *   <li>the projection's row changes of one transaction sent as JDBC batches ({@link BatchedStatementsTransactionManager}):
 *       one round trip per event and table kept the timeline, check counts and statistics busy under counter checks.</li>
 * </ul>
 * Pooled streaming processors were measured too: without Axon Server they idle-poll every 500 ms (fixed in Axon).
 *
 * <p>A feature's projection gets its processor by declaring its {@code RebuildableProjection}; nothing here names a
 * feature. A processing group that runs in a streaming processor without one would run with Axon's defaults (one
 * event per transaction) and could not be rebuilt: the application refuses to start, naming the group.
 */
@Component
public class ReadModelProcessors {

    private final ReadModelSettings settings;
    private final EventProcessingConfiguration processors;
    private final DataSource dataSource;
    private final Hurry hurry;
    private final Set<String> registered = new TreeSet<>();

    ReadModelProcessors(ReadModelSettings settings, EventProcessingConfiguration processors, DataSource dataSource, Hurry hurry) {
        this.settings = settings;
        this.hurry = hurry;
        this.processors = processors;
        this.dataSource = dataSource;
    }

    @Autowired
    void registerEveryRebuildableProjection(EventProcessingConfigurer processing, List<RebuildableProjection> projections) {
        for (RebuildableProjection projection : projections) {
            register(processing, projection.processingGroup(), projection.readLive() ? Duration.ZERO : settings.linger());
        }
    }

    void register(EventProcessingConfigurer processing, String processingGroup, Duration linger) {
        processing.registerTrackingEventProcessor(processingGroup,
                configuration -> new LingeringEventSource(configuration.eventStore(), linger, processingGroup, hurry),
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(settings.batchSize())
                        .andEventAvailabilityTimeout(settings.eventAvailabilityTimeout().toMillis(), TimeUnit.MILLISECONDS));
        processing.registerTransactionManager(processingGroup, configuration ->
                new BatchedStatementsTransactionManager(configuration.getComponent(TransactionManager.class), dataSource));
        registered.add(processingGroup);
    }

    /**
     * Once Axon has built its processors: every streaming one must be a read model registered here, or run a saga
     * (a process, configured by its feature; a saga's state is not a read model and is never rebuilt).
     */
    @EventListener(ContextRefreshedEvent.class)
    void everyStreamingProcessorIsADeclaredReadModel() {
        Set<String> known = new TreeSet<>(registered);
        processors.sagaConfigurations().forEach(saga -> known.add(saga.processingGroup()));
        Set<String> undeclared = undeclared(processors.eventProcessors(), known);
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException("Processing groups " + undeclared + " run in streaming processors with Axon's "
                    + "defaults: declare a RebuildableProjection bean for each, next to its projection, naming the tables it "
                    + "writes; that gives it the read models' tracking processor and makes it rebuildable.");
        }
    }

    /** The streaming processors among {@code processors} that are none of the {@code registered} groups. */
    static Set<String> undeclared(Map<String, EventProcessor> processors, Collection<String> registered) {
        Set<String> undeclared = new TreeSet<>();
        processors.forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor && !registered.contains(name)) {
                undeclared.add(name);
            }
        });
        return undeclared;
    }
}
