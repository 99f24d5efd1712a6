-- Paged lists: GET /commitments and GET /joint-actions read one page and count with the same WHERE; these indexes
-- serve their filters in the lists' order (newest first, a stable tie-break).

-- 承诺书编号: the unit's own number of the letter, when it has one (letters recorded before had none).
alter table commitment_view add column letter_no varchar(64);

create index commitment_view_unit_signed on commitment_view (unit_id, signed_on desc, recorded_at desc, commitment_id desc);
create index commitment_view_signed on commitment_view (signed_on desc, recorded_at desc, commitment_id desc);
create index commitment_view_unit_letter_no on commitment_view (unit_id, letter_no) where letter_no is not null;
create index commitment_view_subject on commitment_view (subject_code);
-- superseded by commitment_view_unit_signed, which leads with unit_id too
drop index commitment_view_unit_idx;

create index joint_action_view_unit_taken on joint_action_view (unit_id, taken_on desc, recorded_at desc, joint_action_id desc);
create index joint_action_view_taken on joint_action_view (taken_on desc, recorded_at desc, joint_action_id desc);
