-- A case is checked against its entry in the transaction that stores it (JointActionLookups): the entry's row is
-- locked, the entry must be in force on the day the measure was taken, and cases_recorded counts the case. An exit
-- updates the same row, so a case and an exit of one entry are ordered by that lock: a case waits for an exit being
-- stored and then sees it.
alter table joint_action_entry add column cases_recorded integer not null default 0;

-- Cases stored before this migration (payloads are Jackson JSON).
update joint_action_entry e set cases_recorded = c.n
from (select (convert_from(payload, 'UTF8')::jsonb -> 'entryId' ->> 'value')::uuid as entry_id, count(*) as n
      from domain_event_entry
      where payload_type = 'org.creditledger.jointaction.api.JointActionMessages$JointActionRecordedEvent'
      group by 1) c
where e.entry_id = c.entry_id;
