-- Processing group "units" (issue 15 §3): a unit may belong to another (a county's departments to the county), and
-- a yearly target may count the letters of every unit below (include_sub_units) and may have been given as a share
-- of the existing enterprises (ratio_of_existing × existing_enterprises, rounded up = annual_target).
alter table unit_view add column parent_unit_id varchar(64);
create index unit_view_parent_idx on unit_view (parent_unit_id);

alter table unit_target_view add column include_sub_units    boolean not null default false;
alter table unit_target_view add column ratio_of_existing    numeric(6, 4);
alter table unit_target_view add column existing_enterprises integer;
