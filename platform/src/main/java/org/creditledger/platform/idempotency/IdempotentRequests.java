package org.creditledger.platform.idempotency;

import org.creditledger.ids.RandomUuids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code idempotent_request} table. Every call but {@link #markWritten} is its own short transaction
 * (auto-commit); {@link #markWritten} joins the transaction of the command that writes under the key.
 */
@Repository
class IdempotentRequests {

    enum State { IN_PROGRESS, WRITTEN, COMPLETED, UNANSWERED }

    /** The key as another attempt left it. */
    record Stored(byte[] requestHash, State state, Instant claimedAt, int status, String contentType, String location,
                  byte[] body) {
    }

    /** What {@link #begin} found: either this attempt now holds the key, or another attempt's row. */
    sealed interface Claim {
        record Claimed(UUID attempt) implements Claim {
        }

        record Taken(Stored stored) implements Claim {
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdempotencySettings settings;

    IdempotentRequests(JdbcClient jdbc, Clock clock, IdempotencySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Claims the key for a new attempt: a key never seen, or one whose holder has been {@code IN_PROGRESS} for longer
     * than the expiry (it died before anything committed: a committed write would have made the row
     * {@code WRITTEN} in its own transaction). Otherwise the row as it is, to replay or refuse. The primary key makes
     * concurrent first attempts safe; the takeover waits for a command still holding the row and then sees its state.
     */
    Claim begin(UUID keyId, String idempotencyKey, byte[] requestHash) {
        UUID attempt = RandomUuids.next();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int round = 0; round < 3; round++) {
            int inserted = jdbc.sql("""
                            insert into idempotent_request
                                (key_id, idempotency_key, request_hash, state, attempt, created_at, claimed_at)
                            values (?, ?, ?, 'IN_PROGRESS', ?, ?, ?)
                            on conflict (key_id, idempotency_key) do nothing""")
                    .params(keyId, idempotencyKey, requestHash, attempt, now, now)
                    .update();
            if (inserted == 1) {
                return new Claim.Claimed(attempt);
            }
            int takenOver = jdbc.sql("""
                            update idempotent_request set attempt = ?, request_hash = ?, claimed_at = ?
                            where key_id = ? and idempotency_key = ? and state = 'IN_PROGRESS' and claimed_at < ?""")
                    .params(attempt, requestHash, now, keyId, idempotencyKey, now.minus(settings.inProgressExpiry()))
                    .update();
            if (takenOver == 1) {
                return new Claim.Claimed(attempt);
            }
            Optional<Stored> stored = jdbc.sql("""
                            select request_hash, state, claimed_at, response_status, response_type, response_location,
                                   response_body
                            from idempotent_request where key_id = ? and idempotency_key = ?""")
                    .params(keyId, idempotencyKey)
                    .query((rs, n) -> new Stored(rs.getBytes(1), State.valueOf(rs.getString(2)),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4), rs.getString(5),
                            rs.getString(6), rs.getBytes(7)))
                    .optional();
            if (stored.isPresent()) {
                return new Claim.Taken(stored.get());
            }
            // Deleted between the insert and the select (the other attempt failed and wrote nothing): try again.
        }
        return new Claim.Taken(new Stored(requestHash, State.IN_PROGRESS, now.toInstant(), 0, null, null, null));
    }

    /**
     * In the transaction of a command sent while this attempt holds the key: the key now has a write. False when the
     * attempt no longer holds it (a retry took it over), and then the command must not write.
     */
    boolean markWritten(UUID keyId, String idempotencyKey, UUID attempt) {
        return jdbc.sql("""
                        update idempotent_request set state = 'WRITTEN'
                        where key_id = ? and idempotency_key = ? and attempt = ? and state in ('IN_PROGRESS', 'WRITTEN')""")
                .params(keyId, idempotencyKey, attempt)
                .update() == 1;
    }

    void complete(UUID keyId, String idempotencyKey, UUID attempt, int status, String contentType, String location,
                  byte[] body) {
        jdbc.sql("""
                        update idempotent_request
                        set state = 'COMPLETED', response_status = ?, response_type = ?, response_location = ?, response_body = ?
                        where key_id = ? and idempotency_key = ? and attempt = ? and state in ('IN_PROGRESS', 'WRITTEN')""")
                .params(status, contentType, location, body, keyId, idempotencyKey, attempt)
                .update();
    }

    /**
     * The attempt succeeded with a response that must not be kept (a secret shown once): the key stays, without the
     * response, so a retry is told the request was recorded instead of writing again.
     */
    void withheld(UUID keyId, String idempotencyKey, UUID attempt) {
        jdbc.sql("""
                        update idempotent_request set state = 'UNANSWERED'
                        where key_id = ? and idempotency_key = ? and attempt = ? and state in ('IN_PROGRESS', 'WRITTEN')""")
                .params(keyId, idempotencyKey, attempt)
                .update();
    }

    /**
     * The attempt failed. If it wrote nothing, the key is released (the client may correct the request and retry with
     * it); if a command of it committed, the key stays, {@code UNANSWERED}, so that a retry cannot write again.
     */
    void failed(UUID keyId, String idempotencyKey, UUID attempt) {
        jdbc.sql("delete from idempotent_request where key_id = ? and idempotency_key = ? and attempt = ? and state = 'IN_PROGRESS'")
                .params(keyId, idempotencyKey, attempt)
                .update();
        jdbc.sql("""
                        update idempotent_request set state = 'UNANSWERED'
                        where key_id = ? and idempotency_key = ? and attempt = ? and state = 'WRITTEN'""")
                .params(keyId, idempotencyKey, attempt)
                .update();
    }

    /** Deletes the keys first used before {@code cutoff}; the number deleted. */
    int deleteCreatedBefore(Instant cutoff) {
        return jdbc.sql("delete from idempotent_request where created_at < ?")
                .param(cutoff.atOffset(ZoneOffset.UTC))
                .update();
    }
}
