package org.creditledger.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * Axon's event store and token store on PostgreSQL through Axon's JDBC engine, with the tables Flyway creates
 * ({@code V1__axon_event_store.sql}): {@code bytea} columns holding Jackson JSON, a {@code bigserial} global index.
 * The JDBC engine appends all events of one unit of work as one JDBC batch, which is what makes bulk imports fast;
 * metadata the events of one append share is serialized once ({@link AppendEventsSharingMetaData}).
 * Settings: {@link EventStoreProperties} ({@code ledger.event-store.*}) and Axon's own {@link TokenStoreProperties}
 * ({@code axon.eventhandling.tokenstore.claim-timeout}, which Axon documents and defaults to 10 s).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EventStoreProperties.class, TokenStoreProperties.class})
public class AxonStorageConfiguration {

    /** The snake_case event tables of {@code V1__axon_event_store.sql}. */
    public static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    static final SagaSchema SAGA_SCHEMA = SagaSchema.builder()
            .sagaEntryTable("saga_entry")
            .associationValueEntryTable("association_value_entry")
            .sagaIdColumn("saga_id")
            .sagaTypeColumn("saga_type")
            .revisionColumn("revision")
            .serializedSagaColumn("serialized_saga")
            .associationKeyColumn("association_key")
            .associationValueColumn("association_value")
            .build();

    /**
     * Metadata keys copied from a command onto every event it causes: who, in which role and unit, and why; for an
     * import row also when its upload was accepted, the time quotas count it at.
     */
    public static final String[] AUDIT_METADATA_KEYS = {
            LedgerMetadata.PRINCIPAL, LedgerMetadata.PRINCIPAL_NAME, LedgerMetadata.ROLE, LedgerMetadata.UNIT,
            LedgerMetadata.AUTHORITY, LedgerMetadata.CORRELATION_ID, LedgerMetadata.CLIENT_REQUEST_ID,
            LedgerMetadata.REQUEST,
            LedgerMetadata.ACCEPTED_AT};

    @Bean
    @Primary
    public Serializer ledgerSerializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer ledgerSerializer) {
        return ledgerSerializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer ledgerSerializer) {
        return ledgerSerializer;
    }

    /**
     * The upcasters stored events pass through before they are deserialised: events keep the shape they were written
     * in, and each changed event's earlier revision is read as its current one here.
     */
    public static EventUpcasterChain upcasters() {
        return new EventUpcasterChain(new PersonsAsObjectsUpcaster());
    }

    @Bean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver(DataSource dataSource) throws java.sql.SQLException {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer ledgerSerializer,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 EventStoreProperties settings) {
        return JdbcEventStorageEngine.builder()
                .upcasterChain(upcasters())
                .snapshotSerializer(ledgerSerializer)
                .eventSerializer(ledgerSerializer)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .schema(EVENT_SCHEMA)
                .dataType(byte[].class)
                .appendEvents(new AppendEventsSharingMetaData())
                .batchSize(settings.batchSize())
                .gapTimeout(settings.gapTimeoutMs())
                .build();
    }

    /**
     * Axon's embedded event store, as Axon's auto-configuration builds it, but looking for events appended by other
     * JVMs every {@link EventStoreProperties#fetchDelay()} (default 100 ms) instead of every second: with the command
     * side in another JVM, that delay is how late a list entry reaches the counter checks (required within 1 s).
     * Appends in this JVM wake the processors at once, except those marked not to ({@link LedgerEventStore}). Its
     * cache of the newest events is {@link EventStoreProperties#cachedEvents()} long (Axon's 10,000 by default).
     */
    @Bean
    public LedgerEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                       EventStoreProperties settings) {
        return new LedgerEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(settings.fetchDelay().toMillis())
                .cachedEvents(settings.cachedEvents()));
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer ledgerSerializer,
                                 TokenStoreProperties tokenStore) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(ledgerSerializer)
                .schema(TOKEN_SCHEMA)
                .contentType(byte[].class)
                .claimTimeout(tokenStore.getClaimTimeout())
                .nodeId(nodeId())
                .build();
    }

    /**
     * Sagas (event-driven processes such as the red-list revocation) in PostgreSQL through Axon's JDBC store, with
     * the snake_case tables of {@code V1_6__saga_store.sql}; without this bean Axon would keep them in memory and
     * forget them on restart.
     */
    @Bean
    public SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, Serializer ledgerSerializer) {
        return JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(ledgerSerializer)
                .sqlSchema(new PostgresSagaSqlSchema(SAGA_SCHEMA))
                .build();
    }

    /**
     * The owner name of this node's token claims. Axon's default, {@code pid@host}, is the same for two application
     * contexts in one JVM, and two owners of one name both believe they hold a claim, so both process the same events
     * (a projection that adds +1 counts twice). A random suffix makes every started context an owner of its own.
     */
    private static String nodeId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Bean
    public CorrelationDataProvider auditMetadataProvider() {
        return new SimpleCorrelationDataProvider(AUDIT_METADATA_KEYS);
    }
}
