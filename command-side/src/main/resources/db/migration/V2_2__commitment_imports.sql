-- Bulk imports of commitment letters (POST /api/v1/commitments/imports). The job keeps the uploaded file and the
-- uploader's audit metadata, so a job interrupted by a restart resumes after its last committed row.
create table commitment_import (
    import_id         uuid         primary key,
    -- the same content uploaded again returns this import (idempotent re-upload)
    file_sha256       char(64)     not null unique,
    file_name         varchar(500),
    file_format       varchar(8)   not null,
    content           bytea        not null,
    uploader_key_id   uuid         not null,
    uploader_name     varchar(200),
    uploader_role     varchar(32)  not null,
    uploader_unit     varchar(64),
    correlation_id    varchar(200),
    client_request_id varchar(200),
    state             varchar(16)  not null,
    total             integer      not null,
    processed         integer      not null default 0,
    accepted          integer      not null default 0,
    rejected          integer      not null default 0,
    uploaded_at       timestamptz  not null,
    -- when the background job began processing (null while queued behind another import)
    started_at        timestamptz,
    finished_at       timestamptz,
    error             text
);
create index commitment_import_running_idx on commitment_import (uploaded_at) where state = 'RUNNING';

-- One result per data row (1-based, header excluded), written in the transaction that appends the row's event.
create table commitment_import_row (
    import_id     uuid        not null references commitment_import (import_id),
    row_no        integer     not null,
    status        varchar(16) not null,
    commitment_id uuid,
    errors        jsonb,
    primary key (import_id, row_no)
);
