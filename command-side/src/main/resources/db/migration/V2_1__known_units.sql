-- Command-side lookup table: units that exist, written in the transaction that stores UnitRegisteredEvent.
create table known_unit (
    unit_id varchar(64) primary key
);
