-- Processing group "joint-actions": every joint reward/punishment case (联合奖惩案例) as recorded. Units report
-- counts of their cases by year, measure and domain; those are grouped from this table by taken_year.

create table joint_action_view (
    joint_action_id uuid          primary key,
    entry_id        uuid          not null,
    list_code       varchar(64)   not null,
    subject_code    varchar(64)   not null,
    measure_code    varchar(64)   not null,
    measure_kind    varchar(16)   not null, -- PUNISHMENT | INCENTIVE
    measure_domain  varchar(32)   not null,
    measure_version integer       not null,
    unit_id         varchar(64)   not null,
    matter          varchar(500)  not null,
    taken_on        date          not null,
    taken_year      integer       not null, -- extract(year from taken_on), what the stats count by
    result          varchar(2000) not null,
    recorded_at     timestamptz   not null
);

create index joint_action_view_year_unit on joint_action_view (taken_year, unit_id);
