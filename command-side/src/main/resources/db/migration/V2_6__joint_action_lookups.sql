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

-- Backfill from events stored before this migration (payloads are Jackson JSON): a ledger that already holds list
-- entries or measures must not answer "unknown" for them. From here on the subscribing processor keeps both tables.
insert into joint_action_entry (entry_id, list_code, subject_code, effective_from, effective_until)
select (p -> 'entryId' ->> 'value')::uuid, p ->> 'listCode', p -> 'subject' ->> 'code',
       (p ->> 'effectiveFrom')::date, (p ->> 'effectiveUntil')::date
from (select convert_from(payload, 'UTF8')::jsonb as p from domain_event_entry
      where payload_type = 'org.creditledger.listing.api.ListEntryMessages$SubjectListedEvent') listed
on conflict (entry_id) do nothing;

update joint_action_entry e set exited_on = (d.p ->> 'exitedOn')::date
from (select convert_from(payload, 'UTF8')::jsonb as p from domain_event_entry
      where payload_type = 'org.creditledger.listing.api.ListEntryMessages$SubjectDelistedEvent') d
where e.entry_id = (d.p -> 'entryId' ->> 'value')::uuid;

insert into joint_action_measure (measure_code, kind, domain, version, list_codes)
select distinct on (p -> 'measureCode' ->> 'value')
       p -> 'measureCode' ->> 'value', p ->> 'kind', p ->> 'domain', (p ->> 'version')::integer,
       array(select c ->> 'value' from jsonb_array_elements(p -> 'listCodes') c)
from (select convert_from(payload, 'UTF8')::jsonb as p from domain_event_entry
      where payload_type in ('org.creditledger.catalogue.api.CatalogueMessages$MeasureDefinedEvent',
                             'org.creditledger.catalogue.api.CatalogueMessages$MeasureChangedEvent')) m
order by p -> 'measureCode' ->> 'value', (p ->> 'version')::integer desc
on conflict (measure_code) do nothing;
