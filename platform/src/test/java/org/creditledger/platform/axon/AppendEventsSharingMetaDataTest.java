package org.creditledger.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.creditledger.platform.database.EmbeddedPostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events appended together are stored as Axon's own statement stores them (identifier, payload, an event no aggregate
 * applied under its own identifier at sequence 0), each with metadata equal to its own, and metadata equal to an
 * earlier event's of the same append is serialized once. On the embedded PostgreSQL, with the event table Flyway makes.
 */
class AppendEventsSharingMetaDataTest {

    @TempDir
    Path dataDir;
    EmbeddedPostgresServer server;
    DriverManagerDataSource dataSource;
    final AtomicInteger metaDataSerialized = new AtomicInteger();

    @BeforeEach
    void eventTable() {
        server = EmbeddedPostgresServer.startOrReuse(dataDir.resolve("data"), false);
        dataSource = new DriverManagerDataSource(server.jdbcUrl(), server.username(), server.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void stop() {
        EmbeddedPostgresServer.stop(dataDir.resolve("data"));
    }

    @Test
    void eachEventKeepsItsOwnMetaDataWhileEqualMetaDataIsSerializedOnce() {
        Map<String, String> clerk = Map.of("principal", "key-1", "principalName", "广元市政务服务中心窗口",
                "request", "POST /api/v1/checks/batch");
        List<EventMessage<?>> events = List.of(
                event("first", MetaData.from(clerk)),
                event("second", MetaData.from(clerk)), // equal, not the same instance
                event("third", MetaData.with("principal", "key-2")),
                event("fourth", MetaData.from(clerk)));

        JdbcEventStorageEngine engine = engine();
        engine.appendEvents(events);

        List<? extends TrackedEventMessage<?>> stored = engine.readEvents(null, false).toList();
        assertThat(stored).extracting(event -> (Object) event.getPayload()).containsExactly("first", "second", "third", "fourth");
        assertThat(stored).extracting(event -> event.getMetaData())
                .containsExactly(MetaData.from(clerk), MetaData.from(clerk), MetaData.with("principal", "key-2"),
                        MetaData.from(clerk));
        assertThat(stored).extracting(event -> event.getIdentifier())
                .containsExactlyElementsOf(events.stream().map(EventMessage::getIdentifier).toList());
        assertThat(metaDataSerialized).hasValue(2);
        assertThat(JdbcClient.create(dataSource).sql("""
                        select aggregate_identifier = event_identifier and sequence_number = 0 and type is null
                        from domain_event_entry order by global_index""").query(Boolean.class).list())
                .as("stored as Axon stores an event no aggregate applied").containsOnly(true);
    }

    private JdbcEventStorageEngine engine() {
        Serializer serializer = new CountingMetaData(JacksonSerializer.defaultSerializer());
        ConnectionProvider connections = dataSource::getConnection;
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(AxonStorageConfiguration.EVENT_SCHEMA)
                .dataType(byte[].class)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .appendEvents(new AppendEventsSharingMetaData())
                .build();
    }

    private static EventMessage<?> event(String payload, MetaData metaData) {
        return new GenericEventMessage<>(payload, metaData);
    }

    /** Counts the metadata it serializes. */
    private final class CountingMetaData implements Serializer {
        private final Serializer serializer;

        CountingMetaData(Serializer serializer) {
            this.serializer = serializer;
        }

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            if (object instanceof MetaData) {
                metaDataSerialized.incrementAndGet();
            }
            return serializer.serialize(object, expectedRepresentation);
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return serializer.canSerializeTo(expectedRepresentation);
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            return serializer.deserialize(serializedObject);
        }

        @Override
        public Class classForType(SerializedType type) {
            return serializer.classForType(type);
        }

        @Override
        public SerializedType typeForClass(Class type) {
            return serializer.typeForClass(type);
        }

        @Override
        public Converter getConverter() {
            return serializer.getConverter();
        }
    }
}
