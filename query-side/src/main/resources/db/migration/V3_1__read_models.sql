-- Read models of the query side. Each table belongs to one processing group, which rebuilds it on replay
-- (its @ResetHandler empties it). Written only by projections, in the transaction that stores their token.

-- Processing group "units": assessed units (考核单位) and their yearly targets.
create table unit_view (
    unit_id varchar(64)  primary key,
    name    varchar(200) not null,
    kind    varchar(32)  not null
);

create table unit_target_view (
    unit_id        varchar(64) not null,
    year           integer     not null,
    annual_target  integer     not null,
    counting       varchar(16) not null, -- EACH | COMBINED
    quarterly_rule boolean     not null,
    primary key (unit_id, year)
);

-- Processing group "commitments": the current view of each commitment letter (信用承诺书).
create table commitment_view (
    commitment_id       uuid         primary key,
    unit_id             varchar(64)  not null,
    type                varchar(64)  not null,
    subject_kind        varchar(32)  not null,
    subject_code        varchar(32)  not null,
    subject_name        varchar(200) not null,
    matter              text,
    content             text,
    signed_on           date         not null,
    due_date            date,
    status              varchar(16)  not null, -- POSTED | OVERDUE | FULFILLED | BREACHED
    recorded_at         timestamp with time zone not null,
    outcome             varchar(16),           -- FULFILLED | BREACHED
    outcome_occurred_on date,
    outcome_note        text,
    outcome_recorded_at timestamp with time zone,
    overdue_since       timestamp with time zone
);
create index commitment_view_unit_idx on commitment_view (unit_id);

-- Processing group "quota": per unit and Asia/Shanghai record date, the commitment letters posted and the
-- fulfilment records (履约/违约) recorded that day. Any "as of" figure is a sum over days.
create table quota_day (
    unit_id varchar(64) not null,
    day     date        not null,
    letters integer     not null default 0,
    records integer     not null default 0,
    primary key (unit_id, day)
);
