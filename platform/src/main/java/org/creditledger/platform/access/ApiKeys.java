package org.creditledger.platform.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys, stored as SHA-256 hashes of their secrets. Secrets are 32 random bytes, so an unsalted fast hash is
 * enough (the same reasoning as for GitHub tokens); a key never changes, so lookups are cached by hash.
 */
@Repository
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Caller> byHash = new ConcurrentHashMap<>();

    public ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A newly issued key; {@code secret} exists only in this object and in the response that shows it once. */
    public record IssuedKey(Caller key, String secret) {
    }

    public Optional<Caller> authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        byte[] hash = sha256(secret);
        String cacheKey = Base64.getEncoder().encodeToString(hash);
        Caller cached = byHash.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Caller> found = jdbc.sql("select key_id, name, role, unit_id, authority from api_key where secret_hash = ?")
                .param(hash)
                .query((rs, n) -> new Caller(rs.getObject("key_id", UUID.class), rs.getString("name"),
                        Role.valueOf(rs.getString("role")), rs.getString("unit_id"), rs.getString("authority")))
                .optional();
        found.ifPresent(caller -> byHash.put(cacheKey, caller));
        return found;
    }

    @Transactional
    public IssuedKey issue(String name, Role role, String unitId, String authority, UUID createdBy) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return store(name, role, unitId, authority, "clk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), createdBy);
    }

    /** Stores a key whose secret the operator chose (the bootstrap admin key). */
    @Transactional
    public IssuedKey store(String name, Role role, String unitId, String authority, String secret, UUID createdBy) {
        Caller key = new Caller(UUID.randomUUID(), name, role, unitId, authority);
        jdbc.sql("""
                        insert into api_key (key_id, name, role, unit_id, authority, secret_hash, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(key.keyId(), name, role.name(), unitId, authority, sha256(secret), OffsetDateTime.now(clock), createdBy)
                .update();
        return new IssuedKey(key, secret);
    }

    public boolean none() {
        return jdbc.sql("select not exists (select 1 from api_key)").query(Boolean.class).single();
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
