-- Imports (issue 10): de-duplication by file hash is scoped to the uploader, so one unit can neither block another's
-- upload of the same file nor learn of it; an accepted import waits QUEUED for a parser; its rows are counted by the
-- background worker, so total is unknown (null) until then.

-- 'unit:<unitId>' for a unit-bound key, else 'key:<keyId>' (ImportJob.dedupScopeOf)
alter table commitment_import add column dedup_scope varchar(100);
update commitment_import
   set dedup_scope = coalesce('unit:' || uploader_unit, 'key:' || uploader_key_id::text);
alter table commitment_import alter column dedup_scope set not null;
alter table commitment_import drop constraint commitment_import_file_sha256_key;
alter table commitment_import add constraint commitment_import_scope_sha256_key unique (dedup_scope, file_sha256);

alter table commitment_import alter column total drop not null;

drop index commitment_import_running_idx;
create index commitment_import_pending_idx on commitment_import (uploaded_at) where state in ('QUEUED', 'RUNNING');

-- The worker reads the stored file back in slices (substring); uncompressed out-of-line storage lets PostgreSQL read a
-- slice without de-toasting the whole value. Uploads are at most 20 MB, and an XLSX is compressed already.
alter table commitment_import alter column content set storage external;
