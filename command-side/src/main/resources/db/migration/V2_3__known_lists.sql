-- Command-side lookup table: list codes the catalogue defines, written in the transaction that stores ListDefinedEvent.
create table known_list (
    list_code varchar(64) primary key
);
