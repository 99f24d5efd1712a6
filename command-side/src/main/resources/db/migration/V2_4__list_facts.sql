-- What a list entry needs from the catalogue on the command side, kept current by KnownLists in the transaction that
-- stores ListDefinedEvent / ListDefinitionChangedEvent. Nullable: rows written before this migration get their facts
-- at the list's next change; until then list-entry writes treat the list as unknown (422) rather than guess.
alter table known_list
    add column authority                varchar(200),
    add column period_months            integer,
    add column early_repair_allowed     boolean,
    add column min_months_before_repair integer;
