-- Processing group "list-entries": each entry as it stands, its history in event order, and what awaits a decision.

create table list_entry_view (
    entry_id             uuid         primary key,
    list_code            varchar(64)  not null,
    list_authority       varchar(200) not null,
    subject_kind         varchar(32)  not null,
    subject_code         varchar(32)  not null,
    subject_name         varchar(200) not null,
    decision_no          varchar(200) not null,
    decided_on           date         not null,
    reason               text         not null,
    effective_from       date         not null,
    effective_until      date         not null,
    legal_representative varchar(200),
    responsible_persons  text[]       not null,
    status               varchar(8)   not null, -- ACTIVE | EXITED
    exit_reason          varchar(32),
    exited_on            date,
    open_objection_id    uuid,
    objection_overdue    boolean      not null default false,
    recorded_at          timestamptz  not null
);

create index list_entry_view_list on list_entry_view (list_code, status);
create index list_entry_view_subject on list_entry_view (subject_code, status);

create table list_entry_history (
    seq          bigint       not null, -- the event's sequence number in its entry: history is shown in event order
    entry_id     uuid         not null,
    type         varchar(64)  not null,
    recorded_at  timestamptz  not null,
    details      jsonb        not null,
    primary key (entry_id, seq)
);

-- Open objections and pending repairs: a row while it awaits the authority's decision.
create table list_entry_pending (
    item_id        uuid         primary key,
    entry_id       uuid         not null,
    kind           varchar(16)  not null, -- OBJECTION | REPAIR
    list_code      varchar(64)  not null,
    list_authority varchar(200) not null,
    since          date         not null,
    decide_by      date,
    overdue        boolean      not null default false
);

create index list_entry_pending_authority on list_entry_pending (list_authority);
