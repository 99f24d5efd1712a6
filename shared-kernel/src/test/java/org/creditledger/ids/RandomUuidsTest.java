package org.creditledger.ids;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RandomUuidsTest {

    @Test
    void areVersion4UuidsOfTheIetfVariantAsUuidRandomUuidMakes() {
        for (int i = 0; i < 1_000; i++) {
            UUID uuid = RandomUuids.next();
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(UUID.fromString(uuid.toString())).isEqualTo(uuid);
        }
    }

    /** Each thread seeds its own generator: threads must not repeat one another (nor themselves). */
    @Test
    void threadsDrawDifferentUuids() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<UUID>>> drawn = IntStream.range(0, 8)
                    .mapToObj(t -> threads.submit(() -> IntStream.range(0, 10_000).mapToObj(i -> RandomUuids.next()).toList()))
                    .toList();
            Set<UUID> all = Collections.synchronizedSet(new HashSet<>());
            for (Future<List<UUID>> thread : drawn) {
                all.addAll(thread.get());
            }
            assertThat(all).hasSize(80_000);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Every one of the 122 random bits takes both values: none is stuck by the version and variant masks. */
    @Test
    void theRandomBitsVary() {
        long mostOr = 0, mostAnd = -1, leastOr = 0, leastAnd = -1;
        for (int i = 0; i < 1_000; i++) {
            UUID uuid = RandomUuids.next();
            mostOr |= uuid.getMostSignificantBits();
            mostAnd &= uuid.getMostSignificantBits();
            leastOr |= uuid.getLeastSignificantBits();
            leastAnd &= uuid.getLeastSignificantBits();
        }
        assertThat(mostOr & ~mostAnd).isEqualTo(~0xF000L);                    // all but the version's 4 bits vary
        assertThat(leastOr & ~leastAnd).isEqualTo(0x3FFF_FFFF_FFFF_FFFFL);      // all but the variant's 2 bits vary
    }
}
