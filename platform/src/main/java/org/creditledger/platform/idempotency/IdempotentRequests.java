package org.creditledger.platform.idempotency;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The {@code idempotent_request} table. Each call is its own short transaction (auto-commit). */
@Repository
class IdempotentRequests {

    record Stored(byte[] requestHash, boolean completed, int status, String contentType, String location, byte[] body) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims the key for this request. Empty when the claim succeeded (go on and process); otherwise the row
     * another request made first, to replay or refuse. The primary key makes concurrent first attempts safe.
     */
    Optional<Stored> begin(UUID keyId, String idempotencyKey, byte[] requestHash) {
        try {
            jdbc.sql("""
                            insert into idempotent_request (key_id, idempotency_key, request_hash, state, created_at)
                            values (?, ?, ?, 'IN_PROGRESS', ?)""")
                    .params(keyId, idempotencyKey, requestHash, OffsetDateTime.now(clock))
                    .update();
            return Optional.empty();
        } catch (DuplicateKeyException alreadyThere) {
            return jdbc.sql("""
                            select request_hash, state, response_status, response_type, response_location, response_body
                            from idempotent_request where key_id = ? and idempotency_key = ?""")
                    .params(keyId, idempotencyKey)
                    .query((rs, n) -> new Stored(rs.getBytes(1), "COMPLETED".equals(rs.getString(2)), rs.getInt(3),
                            rs.getString(4), rs.getString(5), rs.getBytes(6)))
                    .optional()
                    // Deleted between our insert and select (the first attempt failed): treat as in progress.
                    .or(() -> Optional.of(new Stored(requestHash, false, 0, null, null, null)));
        }
    }

    void complete(UUID keyId, String idempotencyKey, int status, String contentType, String location, byte[] body) {
        jdbc.sql("""
                        update idempotent_request
                        set state = 'COMPLETED', response_status = ?, response_type = ?, response_location = ?, response_body = ?
                        where key_id = ? and idempotency_key = ?""")
                .params(status, contentType, location, body, keyId, idempotencyKey)
                .update();
    }

    void forget(UUID keyId, String idempotencyKey) {
        jdbc.sql("delete from idempotent_request where key_id = ? and idempotency_key = ? and state = 'IN_PROGRESS'")
                .params(keyId, idempotencyKey)
                .update();
    }
}
