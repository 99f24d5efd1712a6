-- Idempotent writes survive failures after the write committed (IdempotencyFilter):
-- * attempt: the attempt that holds the key; the command that writes under the key marks the row WRITTEN in its own
--   transaction, and only if this attempt still holds it, so an attempt that lost the key to a retry writes nothing;
-- * claimed_at: when that attempt took the key; an IN_PROGRESS row older than ledger.idempotency.in-progress-expiry
--   was left by a crash before anything committed, and the next attempt takes it over;
-- * state is now IN_PROGRESS | WRITTEN (committed, response not stored yet) | COMPLETED (response stored, replayed)
--   | UNANSWERED (committed, but the attempt failed before storing its response: never written again).
alter table idempotent_request add column attempt uuid;
alter table idempotent_request add column claimed_at timestamp with time zone;
update idempotent_request set claimed_at = created_at;
alter table idempotent_request alter column claimed_at set not null;

-- Retention: rows older than ledger.idempotency.retention are deleted by a recurring task.
create index idempotent_request_created_at on idempotent_request (created_at);
