-- Processing group "monthly-statistics": the monthly figures the seeds ask for (seed 000 每月信用动态, seed 003
-- 月通报季点评), counted by the month of the event's record time in Asia/Shanghai, never by a date the event names.
-- One counter per month, unit and metric; unit_id '' holds the city-wide figures (list entries, exits, objections,
-- repairs), which belong to list authorities rather than to units.
create table monthly_count (
    month   date        not null, -- first day of the month
    unit_id varchar(64) not null, -- '' = city-wide
    metric  varchar(64) not null, -- e.g. LETTERS_POSTED, CHECKS:RESTRICT, ENTRIES:BLACK, EXITS:REPAIRED
    n       bigint      not null,
    primary key (month, unit_id, metric)
);

-- The units' names as last registered, so every unit has a row, even in a month with nothing counted.
create table monthly_unit (
    unit_id varchar(64)  primary key,
    name    varchar(200) not null
);

-- Each list's colour as last defined: entries stored before they carried their list's colour are counted by it.
create table monthly_list (
    list_code varchar(64) primary key,
    colour    varchar(8)  not null
);
