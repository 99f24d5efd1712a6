-- Units may belong to another unit (a county's departments to the county, issue 15 §3). The command-side lookup
-- keeps the tree so a write that names an unknown parent or closes a cycle is refused in the event's transaction.
alter table known_unit add column parent_unit_id varchar(64) references known_unit (unit_id);
create index known_unit_parent_idx on known_unit (parent_unit_id);
