-- Issue 12: a red list may be revoked when its subject enters any black list (守合同重信用, A级纳税人 …). Kept current
-- by KnownLists with the list's colour; RedListRevocation reads it. Lists defined before carry false, as they did.
alter table known_list
    add column revoked_on_black_listing boolean not null default false;
