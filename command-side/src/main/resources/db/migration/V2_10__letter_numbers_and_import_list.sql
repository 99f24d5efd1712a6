-- Command-side lookup table: the one letter per unit and letter number (承诺书编号). Written by a subscribing processor
-- in the transaction that stores CommitmentPostedEvent; the primary key turns two concurrent letters with the same
-- number in the same unit into one success and one failed command. Letters stored before letter numbers have none,
-- so there is nothing to backfill.
create table commitment_letter_no (
    unit_id       varchar(64) not null,
    letter_no     varchar(64) not null,
    commitment_id uuid        not null unique,
    primary key (unit_id, letter_no)
);

-- GET /api/v1/commitments/imports?unitId=: a unit's imports, newest first (and every import, newest first).
create index commitment_import_unit_idx on commitment_import (uploader_unit, uploaded_at desc, import_id desc);
create index commitment_import_uploaded_idx on commitment_import (uploaded_at desc, import_id desc);
