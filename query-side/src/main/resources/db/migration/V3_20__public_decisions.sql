-- Processing group "public-decisions": licensing (行政许可) and penalty (行政处罚) decisions recorded for 双公示, their
-- publication and its timeliness; the unit's monthly figures (上报率, 及时率, 合规率) and the feed of published
-- decisions an adapter reads are answered from this one table.
create table public_decision (
    decision_id        uuid         primary key,
    unit_id            varchar(64)  not null,
    kind               varchar(16)  not null, -- LICENSING | PENALTY
    decision_no        varchar(100) not null,
    subject_kind       varchar(32)  not null,
    subject_code       varchar(32)  not null, -- as reported: may fail its check (then SUBJECT_CODE is a defect)
    subject_name       varchar(200) not null,
    decided_on         date         not null,
    content            text         not null,
    valid_from         date,
    valid_until        date,
    limit_counting     varchar(16)  not null, -- WORKING_DAYS | CALENDAR_DAYS
    limit_days         integer      not null,
    publish_by         date         not null, -- the last day publishing counts as on time
    defects            text         not null, -- comma-separated ComplianceDefect codes; '' = compliant (合规)
    recorded_at        timestamp with time zone not null,
    published_on       date,
    channel            varchar(32),
    on_time            boolean,
    published_at       timestamp with time zone,
    published_position bigint,                -- global index of the publication event: the feed's position
    overdue_since      timestamp with time zone -- when the ledger flagged it unpublished after publish_by
);
create index public_decision_unit_month_idx on public_decision (unit_id, decided_on);
create unique index public_decision_feed_idx on public_decision (published_position);
