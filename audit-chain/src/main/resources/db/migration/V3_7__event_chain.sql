-- Tamper evidence (issue 6): a hash chain over every event of domain_event_entry in ascending global index
-- (docs/audit-chain.md). The chainer appends one row per global index it has passed, with no index left out:
--   event_hash not null: the event stored at that index, link = sha256(previous link || event_hash);
--   event_hash null:     no event was ever committed at that index (a rolled-back append), link = previous link.
-- Rows are only ever appended; verify recomputes them from domain_event_entry.
create table event_chain (
    global_index bigint      not null primary key,
    event_hash   bytea       check (octet_length(event_hash) = 32),
    link         bytea       not null check (octet_length(link) = 32),
    chained_at   timestamptz not null default now()
);
