-- Issue 15 §1, §2: a breach has consequences at the counter, and a recorded outcome can be corrected.

-- Processing group "checks": every letter's subject, unit, type and matter (written when posted, never changed), so
-- a check can say which letter a breach broke.
create table check_commitment (
    commitment_id uuid         primary key,
    subject_code  varchar(32)  not null,
    unit_id       varchar(64)  not null,
    type          varchar(64)  not null,
    matter        text
);

-- Processing group "checks": each breach (违约) from the event that made it known (the breach, or a correction to
-- BREACHED) until the event that withdrew it (a correction to FULFILLED), so a check "as of" an instant shows
-- exactly the breaches known then. occurred_on is the date the breach occurred, which the look-back window compares.
create table check_breach (
    commitment_id      uuid        not null,
    known_position     bigint      not null,
    known_at           timestamptz not null,
    subject_code       varchar(32) not null,
    occurred_on        date        not null,
    withdrawn_position bigint,
    withdrawn_at       timestamptz,
    primary key (commitment_id, known_position)
);

create index check_breach_subject on check_breach (subject_code);

-- Letters and breaches recorded before this version, from the letters' read model; the handlers ignore repeats, so an
-- event the checks processor meets again after this does no harm.
insert into check_commitment (commitment_id, subject_code, unit_id, type, matter)
select commitment_id, subject_code, unit_id, type, matter from commitment_view
on conflict do nothing;

insert into check_breach (commitment_id, known_position, known_at, subject_code, occurred_on)
select c.commitment_id, e.global_index, c.outcome_recorded_at, c.subject_code, c.outcome_occurred_on
from commitment_view c
join lateral (select max(d.global_index) as global_index from domain_event_entry d
              where d.aggregate_identifier = c.commitment_id::text
                and d.payload_type = 'org.creditledger.commitment.api.CommitmentMessages$CommitmentBreachedEvent') e
    on e.global_index is not null
where c.outcome = 'BREACHED'
on conflict do nothing;

-- Processing group "quota": the fulfilment records of a day split by their current outcome (履约 / 违约); a correction
-- moves a record from one to the other on the day it was first counted. Days counted before this version are split
-- from the letters' read model.
alter table quota_day
    add column fulfilled integer not null default 0,
    add column breached  integer not null default 0;

update quota_day q
set fulfilled = s.fulfilled, breached = s.breached
from (select unit_id, (outcome_recorded_at at time zone 'Asia/Shanghai')::date as day,
             count(*) filter (where outcome = 'FULFILLED') as fulfilled,
             count(*) filter (where outcome = 'BREACHED') as breached
      from commitment_view where outcome is not null
      group by unit_id, (outcome_recorded_at at time zone 'Asia/Shanghai')::date) s
where q.unit_id = s.unit_id and q.day = s.day;

-- Processing group "commitments": when an outcome was last corrected, and why (the letter list's follow-up).
alter table commitment_view
    add column outcome_corrected_at timestamptz,
    add column correction_reason    text;

create index commitment_view_follow_up on commitment_view (unit_id, status, due_date);
