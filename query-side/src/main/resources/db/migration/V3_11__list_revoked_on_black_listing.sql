-- Issue 12: whether a red list is revoked when its subject enters a black list, in every version of a list definition.
-- Versions recorded before carry false, as their events do.
alter table list_definition_version
    add column revoked_on_black_listing boolean not null default false;
alter table list_definition_view
    add column revoked_on_black_listing boolean not null default false;
