-- API keys: the secret is shown once at creation; only its SHA-256 is kept.
create table api_key (
    key_id      uuid         primary key,
    name        varchar(200) not null,
    role        varchar(32)  not null,
    unit_id     varchar(64),
    authority   varchar(200),
    secret_hash bytea        not null unique,
    created_at  timestamp with time zone not null,
    created_by  uuid
);

-- Idempotent writes: the first response to (key, Idempotency-Key) is kept and replayed for repeats.
create table idempotent_request (
    key_id           uuid          not null,
    idempotency_key  varchar(200)  not null,
    request_hash     bytea         not null,
    state            varchar(16)   not null, -- IN_PROGRESS | COMPLETED
    response_status  integer,
    response_type    varchar(200),
    response_location varchar(500),
    response_body    bytea,
    created_at       timestamp with time zone not null,
    primary key (key_id, idempotency_key)
);
