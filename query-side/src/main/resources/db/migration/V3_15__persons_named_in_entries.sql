-- Issue 12: the legal representative and the responsible persons a listing decision names are persons
-- {name, code?, role?} (code: 身份证 number). Entries recorded before keep their names, without code or role.
alter table list_entry_view
    add column legal_representative_person jsonb,
    add column responsible_persons_detail  jsonb not null default '[]';

update list_entry_view
set legal_representative_person = case when legal_representative is null then null
                                       else jsonb_build_object('name', legal_representative) end,
    responsible_persons_detail  = (select coalesce(jsonb_agg(jsonb_build_object('name', p) order by n), '[]'::jsonb)
                                   from unnest(responsible_persons) with ordinality as u(p, n));

-- Processing group "checks": the persons an entry names with a 身份证 number, so a check on that number finds the
-- entry (in force as check_entry says) in the person's capacity. Written with the entry, never changed.
create table check_person (
    entry_id    uuid        not null,
    person_code varchar(32) not null,
    capacity    varchar(24) not null, -- LEGAL_REPRESENTATIVE | RESPONSIBLE_PERSON
    primary key (entry_id, person_code, capacity)
);

create index check_person_code on check_person (person_code);

-- Whom a measure binds: the listed subject, the persons its entries name, or both. Measures saved before bind the
-- subject only.
alter table check_measure
    add column binds varchar(8) not null default 'SUBJECT';

alter table measure_view
    add column binds varchar(8) not null default 'SUBJECT';

alter table measure_version
    add column binds varchar(8) not null default 'SUBJECT';
