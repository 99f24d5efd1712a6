-- Command-side lookup tables for recording joint reward/punishment cases (联合奖惩案例), written by the subscribing
-- processor "joint-action-lookups" in the transaction that stores their events, so a case is checked against the
-- ledger as written, never against a read model that may lag.

-- One row per list entry: SubjectListedEvent inserts it, SubjectDelistedEvent sets exited_on.
create table joint_action_entry (
    entry_id        uuid        primary key,
    list_code       varchar(64) not null,
    subject_code    varchar(64) not null,
    effective_from  date        not null,
    effective_until date        not null,
    exited_on       date        -- null while the entry has not exited
);

-- The current version of each measure: MeasureDefinedEvent and MeasureChangedEvent upsert it.
create table joint_action_measure (
    measure_code varchar(64) primary key,
    kind         varchar(16) not null, -- PUNISHMENT | INCENTIVE
    domain       varchar(32) not null,
    version      integer     not null,
    list_codes   text[]      not null
);
