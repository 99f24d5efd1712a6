package org.creditledger.platform.access;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.creditledger.access.api.ApiKeyMessages.ApiKeyIssuedEvent;
import org.creditledger.access.api.ApiKeyMessages.ApiKeyRevokedEvent;
import org.creditledger.platform.axon.LedgerMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API keys, stored as SHA-256 hashes of their secrets. Secrets are 32 random bytes, so an unsalted fast hash is
 * enough (the same reasoning as for GitHub tokens).
 *
 * <p>Lookups are cached by hash, because authentication is on the hot path of every counter check. A cached key is
 * still checked against its {@code expiresAt} on every hit. Revocation evicts it at once on this node, and on every
 * other node through {@code NOTIFY api_key_revoked} sent in the revoking transaction ({@link ApiKeyRevocations});
 * in case a node misses a notification, an entry is trusted for {@code ledger.access.key-cache-ttl} at most.
 *
 * <p>Issuing and revoking append {@link ApiKeyIssuedEvent} / {@link ApiKeyRevokedEvent} (aggregate identifier = key
 * id) in the same transaction as the row change, so the ledger records who gave or took which key when.
 */
@Repository
public class ApiKeys {

    /** The channel of {@code NOTIFY}: payload = the revoked key's id. */
    static final String REVOKED_CHANNEL = "api_key_revoked";
    /** The aggregate type of the key events in the event store. */
    public static final String AGGREGATE_TYPE = "ApiKey";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "key_id, name, role, unit_id, authority, created_at, created_by, expires_at, revoked_at, revoked_by";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final EventStore eventStore;
    private final long cacheTtlNanos;
    private final Map<String, Cached> byHash = new ConcurrentHashMap<>();
    /** Bumped by every eviction, so a lookup that raced with one does not put back what was just evicted. */
    private final AtomicLong evictions = new AtomicLong();

    public ApiKeys(JdbcClient jdbc, Clock clock, EventStore eventStore, AccessProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.eventStore = eventStore;
        this.cacheTtlNanos = properties.keyCacheTtl().toNanos();
    }

    /** A newly issued key; {@code secret} exists only in this object and in the response that shows it once. */
    public record IssuedKey(Caller key, String secret, Instant createdAt, Instant expiresAt) {
    }

    /** What a new key is: {@code unitId}/{@code authority} as the role binds them, {@code expiresAt} null for never. */
    public record NewKey(String name, Role role, String unitId, String authority, Instant expiresAt) {
    }

    /** A stored key as an administrator or inspector sees it: everything but the secret and its hash. */
    public record ApiKeyView(UUID keyId, String name, Role role, String unitId, String authority, Instant createdAt,
                          UUID createdBy, Instant expiresAt, Instant revokedAt, UUID revokedBy) {
    }

    public record ApiKeyPage(List<ApiKeyView> items, int page, int size, long totalItems) {
    }

    public enum Revocation { REVOKED, ALREADY_REVOKED, UNKNOWN }

    private record Cached(Caller caller, UUID keyId, Instant expiresAt, long loadedAtNanos) {
        boolean expiredAt(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }

    public Optional<Caller> authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        byte[] hash = sha256(secret);
        String cacheKey = Base64.getEncoder().encodeToString(hash);
        Cached cached = byHash.get(cacheKey);
        if (cached == null || System.nanoTime() - cached.loadedAtNanos() >= cacheTtlNanos) {
            cached = load(hash, cacheKey);
            if (cached == null) {
                return Optional.empty();
            }
        }
        return cached.expiredAt(clock.instant()) ? Optional.empty() : Optional.of(cached.caller());
    }

    private Cached load(byte[] hash, String cacheKey) {
        long generation = evictions.get();
        Optional<Cached> found = jdbc.sql("select key_id, name, role, unit_id, authority, expires_at from api_key where secret_hash = ? and revoked_at is null")
                .param(hash)
                .query((rs, n) -> new Cached(new Caller(rs.getObject("key_id", UUID.class), rs.getString("name"),
                        Role.valueOf(rs.getString("role")), rs.getString("unit_id"), rs.getString("authority")),
                        rs.getObject("key_id", UUID.class), instant(rs, "expires_at"), System.nanoTime()))
                .optional();
        if (found.isEmpty()) {
            byHash.remove(cacheKey);
            return null;
        }
        Cached loaded = found.get();
        if (cacheTtlNanos > 0) {
            byHash.put(cacheKey, loaded);
            // An eviction between the read and the put may concern this very key: drop what was put, to be safe.
            if (evictions.get() != generation) {
                byHash.remove(cacheKey, loaded);
            }
        }
        return loaded;
    }

    /** Forgets the cached lookup of one key (it was revoked, here or on another node). */
    void evict(UUID keyId) {
        evictions.incrementAndGet();
        byHash.values().removeIf(cached -> cached.keyId().equals(keyId));
    }

    /** Forgets every cached lookup (revocations may have been missed while not listening). */
    void evictAll() {
        evictions.incrementAndGet();
        byHash.clear();
    }

    /** Issues a key on the ledger's own behalf (demo keys, tests): recorded with {@code principal=system}. */
    @Transactional
    public IssuedKey issue(String name, Role role, String unitId, String authority, UUID createdBy) {
        return issue(new NewKey(name, role, unitId, authority, null), LedgerMetadata.system("issue API key " + name, null), createdBy);
    }

    /** Issues a key with a random secret; {@code who} and {@code createdBy} name the caller who asked for it. */
    @Transactional
    public IssuedKey issue(NewKey key, LedgerMetadata who, UUID createdBy) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return store(key, "clk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), who, createdBy);
    }

    /** Stores a key whose secret the operator chose (the bootstrap admin key). */
    @Transactional
    public IssuedKey store(NewKey key, String secret, LedgerMetadata who, UUID createdBy) {
        Caller caller = new Caller(UUID.randomUUID(), key.name(), key.role(), key.unitId(), key.authority());
        Instant now = now();
        jdbc.sql("""
                        insert into api_key (key_id, name, role, unit_id, authority, secret_hash, created_at, created_by, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caller.keyId(), key.name(), key.role().name(), key.unitId(), key.authority(), sha256(secret),
                        timestamp(now), createdBy, timestamp(key.expiresAt()))
                .update();
        append(caller.keyId(), 0, new ApiKeyIssuedEvent(caller.keyId(), key.name(), key.role().name(), key.unitId(),
                key.authority(), key.expiresAt(), createdBy), who, now);
        return new IssuedKey(caller, secret, now, key.expiresAt());
    }

    /**
     * Revokes a key: from the next request on, on every node, it no longer authenticates. Revoking a revoked key
     * changes nothing and records nothing.
     */
    @Transactional
    public Revocation revoke(UUID keyId, LedgerMetadata who, UUID revokedBy) {
        Instant now = now();
        int revoked = jdbc.sql("update api_key set revoked_at = ?, revoked_by = ? where key_id = ? and revoked_at is null")
                .params(timestamp(now), revokedBy, keyId)
                .update();
        if (revoked == 0) {
            boolean exists = jdbc.sql("select exists (select 1 from api_key where key_id = ?)").param(keyId).query(Boolean.class).single();
            return exists ? Revocation.ALREADY_REVOKED : Revocation.UNKNOWN;
        }
        append(keyId, 1, new ApiKeyRevokedEvent(keyId, revokedBy), who, now);
        // Delivered to every listening node (this one included) when, and only if, the transaction commits.
        jdbc.sql("select count(*) from (select pg_notify(?, ?)) notified").params(REVOKED_CHANNEL, keyId.toString())
                .query(Long.class).single();
        evict(keyId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evict(keyId);
                }
            });
        }
        return Revocation.REVOKED;
    }

    /** Every key, newest first. */
    public ApiKeyPage list(int page, int size) {
        List<ApiKeyView> items = jdbc.sql("select " + COLUMNS + " from api_key order by created_at desc, key_id limit ? offset ?")
                .params(size, (long) page * size)
                .query(ApiKeys::view)
                .list();
        long total = jdbc.sql("select count(*) from api_key").query(Long.class).single();
        return new ApiKeyPage(items, page, size, total);
    }

    public boolean none() {
        return jdbc.sql("select not exists (select 1 from api_key)").query(Boolean.class).single();
    }

    private void append(UUID keyId, long sequence, Object event, LedgerMetadata who, Instant at) {
        eventStore.publish(new GenericDomainEventMessage<>(AGGREGATE_TYPE, keyId.toString(), sequence, event,
                who.toMetaData(), UUID.randomUUID().toString(), at));
    }

    /** Record times are kept to the millisecond, like the event store's timestamps, so both show the same instant. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ApiKeyView view(ResultSet rs, int row) throws SQLException {
        return new ApiKeyView(rs.getObject("key_id", UUID.class), rs.getString("name"), Role.valueOf(rs.getString("role")),
                rs.getString("unit_id"), rs.getString("authority"), instant(rs, "created_at"),
                rs.getObject("created_by", UUID.class), instant(rs, "expires_at"), instant(rs, "revoked_at"),
                rs.getObject("revoked_by", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
