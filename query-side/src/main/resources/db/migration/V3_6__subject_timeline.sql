-- Processing group "timeline": every event about a credit subject (信用主体), one row per event and subject, for the
-- inspector's timeline, the subject's state as of an instant and the dispute package. Appended to, never updated.

create table subject_timeline (
    subject_code         varchar(32)  not null,
    global_index         bigint       not null, -- the event's global_index in domain_event_entry
    event_identifier     varchar(255) not null,
    aggregate_identifier varchar(255),          -- null for events stored without an aggregate (counter checks)
    sequence_number      bigint,
    kind                 varchar(16)  not null, -- COMMITMENT | LIST_ENTRY | JOINT_ACTION | CHECK
    type                 varchar(100) not null, -- the event's class, e.g. CommitmentPostedEvent
    recorded_at          timestamptz  not null, -- the event's timestamp: when the ledger recorded it
    business_dates       jsonb        not null, -- the event's calendar dates by field name, e.g. {"signedOn": "2025-03-01"}
    principal            text,                  -- metadata of the write (LedgerMetadata): the API key id, or "system"
    principal_name       text,
    role                 text,
    unit                 text,
    authority            text,
    correlation_id       text,
    client_request_id    text,
    request              text,
    summary              jsonb        not null, -- the event's own fields, ids as plain values
    primary key (subject_code, global_index)
);
