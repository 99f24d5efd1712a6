-- Rebuilds of projections (POST /api/v1/admin/projections/{name}/rebuild): one row per rebuild, its progress updated
-- with every batch of replayed events, so any node can report it and a restart does not lose its outcome.
create table projection_rebuild (
    rebuild_id       uuid         primary key,
    name             varchar(200) not null,  -- the processing group
    state            varchar(8)   not null,  -- RUNNING | DONE | FAILED
    total_events     bigint       not null,  -- events in the store when the rebuild began
    processed_events bigint       not null default 0,
    position         bigint,                 -- global index the rebuilt tables reflect (when DONE: where the processor resumed)
    requested_by     varchar(200) not null,  -- the API key (name and id) that asked for it
    started_at       timestamptz  not null,
    finished_at      timestamptz,
    error            text
);
create index projection_rebuild_name_idx on projection_rebuild (name, started_at desc);
