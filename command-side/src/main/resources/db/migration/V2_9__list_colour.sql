-- A list's colour on the command side, so that a measure can be checked against its lists (a PUNISHMENT measure
-- names only BLACK lists, an INCENTIVE only RED ones; issue 12). Kept current by KnownLists in the transaction that
-- stores ListDefinedEvent / ListDefinitionChangedEvent. Nullable: rows written before this migration get their colour
-- at the list's next change; until then the colour rule is not applied to that list (the list is known, its colour
-- is not, and the measure check does not guess).
alter table known_list
    add column colour varchar(10);
