-- Axon's JdbcSagaStore (PostgresSagaSqlSchema, column names in AxonStorageConfiguration): sagas keep their state
-- here (the red-list revocation process: per subject on a black list, the black entries in force). bytea, never large
-- objects.
create table saga_entry (
    saga_id         varchar(255) not null primary key,
    revision        varchar(255),
    saga_type       varchar(255),
    serialized_saga bytea
);

create table association_value_entry (
    id                bigserial    not null primary key,
    association_key   varchar(255) not null,
    association_value varchar(255),
    saga_id           varchar(255) not null,
    saga_type         varchar(255)
);

create index association_value_entry_lookup on association_value_entry (saga_type, association_key, association_value);
create index association_value_entry_saga on association_value_entry (saga_id, saga_type);
