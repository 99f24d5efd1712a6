-- Issue 12 (exits and periods): how many months past its period a list lets an entry's decision set its end
-- (失信被执行人: 2 years, extendable by up to 3). Kept current by KnownLists; lists defined before allow no extension
-- until their next change, as their events say.
alter table known_list
    add column max_extension_months integer not null default 0;
