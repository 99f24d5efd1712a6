-- Outcome imports (issue 15 §2): POST /api/v1/commitments/outcomes/imports shares the import jobs, their queue, their
-- row results and their limits with the letter imports; kind says what the rows are. Every import so far is a
-- letter import. The same file may be a letter import and an outcome import of one scope (it would fail as one of
-- them), so the de-duplication is per kind; lists and reads are per kind.
alter table commitment_import add column kind varchar(16) not null default 'LETTERS';
alter table commitment_import alter column kind drop default;
alter table commitment_import drop constraint commitment_import_scope_sha256_key;
alter table commitment_import add constraint commitment_import_kind_scope_sha256_key unique (kind, dedup_scope, file_sha256);

drop index commitment_import_unit_idx;
drop index commitment_import_uploaded_idx;
create index commitment_import_unit_idx on commitment_import (kind, uploader_unit, uploaded_at desc, import_id desc);
create index commitment_import_uploaded_idx on commitment_import (kind, uploaded_at desc, import_id desc);
