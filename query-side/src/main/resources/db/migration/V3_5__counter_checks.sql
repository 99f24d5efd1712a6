-- Processing group "checks": what a counter check reads, shaped for one indexed read per subject.
-- Nothing is ever deleted: each fact keeps the ledger position and the record time from which it counted and, once
-- it stopped counting, until which. A check answers "now" by position (everything the projection has processed)
-- and "as of T" by record time, from the same rows and the same query.

create table check_list (
    list_code varchar(64) primary key,
    colour    varchar(8)  not null -- RED | BLACK, as last defined
);

create table check_entry (
    entry_id        uuid         primary key,
    subject_code    varchar(32)  not null,
    list_code       varchar(64)  not null,
    colour          varchar(8)   not null, -- the list's colour when the entry was made
    authority       varchar(200) not null,
    decision_no     varchar(200) not null,
    effective_from  date         not null,
    effective_until date         not null,
    listed_position bigint       not null,
    listed_at       timestamptz  not null,
    exited_position bigint,
    exited_at       timestamptz
);

create index check_entry_subject on check_entry (subject_code);

-- 异议: an entry counts as disputed while one of its objections is open.
create table check_objection (
    objection_id    uuid         primary key,
    entry_id        uuid         not null,
    filed_position  bigint       not null,
    filed_at        timestamptz  not null,
    closed_position bigint,
    closed_at       timestamptz
);

create index check_objection_entry on check_objection (entry_id);

-- Every version of every measure, valid from the event that made it until the event that replaced it.
create table check_measure (
    measure_code        varchar(64)  not null,
    version             integer      not null,
    name                varchar(200) not null,
    kind                varchar(16)  not null, -- PUNISHMENT | INCENTIVE
    domain              varchar(32)  not null,
    scope               varchar(16)  not null, -- NATIONAL_BASE | LOCAL_SUPPLEMENT
    legal_basis         text         not null,
    list_codes          text[]       not null,
    valid_from_position bigint       not null,
    valid_from_at       timestamptz  not null,
    valid_until_position bigint,
    valid_until_at      timestamptz,
    primary key (measure_code, version)
);

create index check_measure_domain on check_measure (domain);

-- Processing group "check-stats": checks counted per counter unit, domain, day (Asia/Shanghai) and verdict, so units
-- can show their lookups are part of their workflow (seeds 001, 003).
create table check_count (
    counter_unit varchar(64)  not null, -- '' for a COUNTER key bound to no unit
    domain       varchar(32)  not null,
    day          date         not null,
    verdict      varchar(32)  not null,
    checks       bigint       not null,
    primary key (counter_unit, domain, day, verdict)
);
