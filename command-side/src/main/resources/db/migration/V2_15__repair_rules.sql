-- Issue 12 (repair rules). What a list entry needs to know about its list's repair rules, kept current by KnownLists:
-- the date the minimum wait counts from, the working days to decide an application, whether an application must
-- name a 信用修复 commitment letter. Lists defined before keep the rules the code applied then (the defaults) until
-- their next change, as their events say.
alter table known_list
    add column repair_wait_from             varchar(16) not null default 'DECISION', -- DECISION | ENTRY | CORRECTION
    add column repair_decision_working_days integer     not null default 5,
    add column repair_commitment_required   boolean     not null default false;

-- Command-side lookup table: whose each commitment letter is and of which type, so a repair application's
-- commitmentId is checked against the ledger as written (same subject, type CREDIT_REPAIR), never against a read
-- model. Written by the subscribing processor "commitment-letters" in the transaction that stores CommitmentPostedEvent.
create table commitment_letter (
    commitment_id uuid        primary key,
    subject_code  varchar(64) not null,
    type          varchar(64) not null
);

-- Backfill from letters stored before this migration (payloads are Jackson JSON), so a letter posted earlier is not
-- "unknown" to a repair application. From here on the subscribing processor keeps the table.
insert into commitment_letter (commitment_id, subject_code, type)
select (p -> 'commitmentId' ->> 'value')::uuid, p -> 'subject' ->> 'code', p ->> 'type'
from (select convert_from(payload, 'UTF8')::jsonb as p from domain_event_entry
      where payload_type = 'org.creditledger.commitment.api.CommitmentMessages$CommitmentPostedEvent') posted
on conflict (commitment_id) do nothing;
