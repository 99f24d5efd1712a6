-- Issue 12: the texts the seeds require each list to publish (认定标准, 移出条件, 程序, 救济) and how far past its period
-- an entry's decision may set its end, in every version of a list definition. Versions recorded before have no
-- texts and no extension, as their events say.
alter table list_definition_version
    add column criteria             text,
    add column exit_conditions      text,
    add column procedure            text,
    add column remedy               text,
    add column max_extension_months integer not null default 0;
alter table list_definition_view
    add column criteria             text,
    add column exit_conditions      text,
    add column procedure            text,
    add column remedy               text,
    add column max_extension_months integer not null default 0;
