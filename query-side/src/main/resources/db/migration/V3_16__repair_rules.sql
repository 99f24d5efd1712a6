-- Issue 12 (repair rules). Every version of a list definition carries its repair rules: the date the minimum wait
-- counts from, the working days to decide an application, whether an application must name a commitment letter.
-- Versions recorded before read as the defaults, as their events do.
alter table list_definition_version
    add column repair_wait_from             varchar(16) not null default 'DECISION', -- DECISION | ENTRY | CORRECTION
    add column repair_decision_working_days integer     not null default 5,
    add column repair_commitment_required   boolean     not null default false;
alter table list_definition_view
    add column repair_wait_from             varchar(16) not null default 'DECISION',
    add column repair_decision_working_days integer     not null default 5,
    add column repair_commitment_required   boolean     not null default false;

-- 提醒预警: the first day an entry's subject may apply for repair, when the entry alone tells (early repair allowed,
-- the wait counting from the decision or the entry); null otherwise. The pending list shows an active entry from
-- that day on while no repair is pending. Entries projected before get it when the projection is rebuilt.
alter table list_entry_view
    add column repair_eligible_from date;
create index list_entry_view_repair_eligible on list_entry_view (list_authority, repair_eligible_from)
    where status = 'ACTIVE' and repair_eligible_from is not null;
