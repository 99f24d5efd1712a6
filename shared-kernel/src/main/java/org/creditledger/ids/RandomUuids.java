package org.creditledger.ids;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs, as {@link UUID#randomUUID()} makes them, but each thread draws from a generator of its
 * own. {@code UUID.randomUUID()} draws every UUID of the JVM from one shared {@code NativePRNG}, which mixes its output
 * under locks held across a read of {@code /dev/urandom}. On two cores a thread holding them is often descheduled: in
 * the counter-check load, request threads waited 10–30 ms at a time for them, 6 s in a 20 s run (benchmarks.md, issue
 * 13, session 10). Every check and every request makes at least one UUID.
 *
 * <p>Each thread's generator is a {@code SHA1PRNG} seeded once, from the shared generator, with 256 bits read from
 * {@code /dev/urandom} (never blocking). As with {@code UUID.randomUUID()}, 122 bits of each UUID are random.
 */
public final class RandomUuids {

    private static final SecureRandom SEEDS = new SecureRandom();
    private static final ThreadLocal<SecureRandom> GENERATOR = ThreadLocal.withInitial(RandomUuids::seededGenerator);

    private RandomUuids() {
    }

    public static UUID next() {
        byte[] bytes = new byte[16];
        GENERATOR.get().nextBytes(bytes);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        most = (most & ~0xF000L) | 0x4000L;                                   // version 4
        least = (least & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;    // IETF variant
        return new UUID(most, least);
    }

    private static SecureRandom seededGenerator() {
        byte[] seed = new byte[32];
        SEEDS.nextBytes(seed);
        try {
            SecureRandom generator = SecureRandom.getInstance("SHA1PRNG");
            generator.setSeed(seed); // before its first output: this seed alone, no self-seeding
            return generator;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA1PRNG", e);
        }
    }
}
