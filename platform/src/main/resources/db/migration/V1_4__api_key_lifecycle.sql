-- API keys can expire and be revoked. A revoked key keeps its row (who had which role when stays answerable); it no
-- longer authenticates. Every node learns of a revocation through NOTIFY api_key_revoked (see ApiKeyRevocations).
alter table api_key
    add column expires_at timestamp with time zone,
    add column revoked_at timestamp with time zone,
    add column revoked_by uuid;

-- GET /admin/api-keys lists newest first.
create index api_key_by_creation on api_key (created_at desc, key_id);
