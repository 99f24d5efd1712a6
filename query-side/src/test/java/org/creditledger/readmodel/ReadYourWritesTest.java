package org.creditledger.readmodel;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.testing.Api;
import org.creditledger.unit.query.UnitProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReadYourWritesTest extends ReadApiTest {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWritesTest.class);

    @Autowired
    ProjectionCatchUp catchUp;

    @Test
    void aReadRightAfterAWriteSeesTheWrite() {
        String unitId = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);
        String admin = keys.admin();
        Api.Response units = api.as(admin).get("/api/v1/units");
        assertThat(units.text()).contains(unitId);

        List<Long> afterWrite = new ArrayList<>();
        List<Long> readsOnly = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            long start = System.nanoTime();
            CommitmentId id = events.letter(unitId, Instant.parse("2025-06-01T02:00:00Z"));
            Api.Response commitment = api.as(admin).get("/api/v1/commitments/" + id);
            Api.Response quota = api.as(admin).get("/api/v1/units/" + unitId + "/quota/2025?asOf=2025-12-31");
            afterWrite.add(System.nanoTime() - start);

            assertThat(commitment.status()).as(commitment.toString()).isEqualTo(200);
            assertThat(quota.json().path("letters").asLong()).isEqualTo(i);

            start = System.nanoTime();
            api.as(admin).get("/api/v1/commitments/" + id);
            api.as(admin).get("/api/v1/units/" + unitId + "/quota/2025?asOf=2025-12-31");
            readsOnly.add(System.nanoTime() - start);
        }
        log.info("Read-your-writes over 20 writes: append + GET commitment + GET quota took median {} ms, max {} ms; "
                        + "the same two GETs with nothing new to wait for: median {} ms",
                millis(afterWrite, 50), millis(afterWrite, 100), millis(readsOnly, 50));
    }

    /**
     * Readers on another node go by the committed tokens. A processor that meets only events it ignores (here the
     * units read model and a commitment letter) must still commit its token promptly, or those readers wait for an
     * unrelated write; the figure is logged for the benchmark notes, the test asserts that it happens at all.
     */
    @Test
    void theCommittedTokenOfAProcessorPassesEventsItIgnores() {
        String unitId = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.letter(unitId, Instant.parse("2025-06-01T02:00:00Z"));
            long head = catchUp.head();
            long start = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2))
                    .until(() -> catchUp.committedTokensReached(UnitProjection.PROCESSING_GROUP, head));
            nanos.add(System.nanoTime() - start);
        }
        log.info("Committed token of a processor that ignores the new event passed it after median {} ms, max {} ms",
                millis(nanos, 50), millis(nanos, 100));
    }

    /**
     * Events commit out of global-index order: a processor can pass index n+1 while n is uncommitted and keep n as a
     * gap. Once n is in the store, a token past it with n as a gap has not processed n; a gap that holds no event (a
     * rolled-back append) does not hold a read back.
     */
    @Test
    void aTokenThatSkippedAStoredEventAsAGapHasNotReachedIt() {
        String unitId = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);
        events.letter(unitId, Instant.parse("2025-06-01T02:00:00Z"));
        long stored = catchUp.head();
        long neverStored = stored + 1_000_000;

        assertThat(catchUp.reached(List.of(new ProjectionCatchUp.Token(stored + 5, java.util.Set.of())), stored)).isTrue();
        assertThat(catchUp.reached(List.of(new ProjectionCatchUp.Token(stored + 5, java.util.Set.of(stored))), stored))
                .as("the event at the position is a gap of the token and is in the store").isFalse();
        assertThat(catchUp.reached(List.of(new ProjectionCatchUp.Token(neverStored + 5, java.util.Set.of(neverStored))), neverStored))
                .as("a gap with no event behind it").isTrue();
        assertThat(catchUp.reached(List.of(new ProjectionCatchUp.Token(stored - 1, java.util.Set.of())), stored)).isFalse();
        assertThat(catchUp.reached(List.of(), stored)).as("no token yet").isFalse();
    }

    @Test
    void restartingTheProjectionsDoesNotCountAnyEventTwice() {
        String unitId = events.unitWithTarget(Guangyuan2025.CIVIL_DEFENCE, suffix);
        for (int i = 0; i < 5; i++) {
            events.letter(unitId, Instant.parse("2025-02-01T02:00:00Z"));
        }
        assertThat(letters(unitId)).isEqualTo(5);

        for (String group : PROCESSING_GROUPS) {
            StreamingEventProcessor processor = processor(group);
            processor.shutDown();
            processor.start();
        }
        // No wait for the restarted processors: the read waits until their committed tokens pass the new event.
        events.letter(unitId, Instant.parse("2025-02-02T02:00:00Z"));

        assertThat(letters(unitId)).isEqualTo(6);
    }

    private static String millis(List<Long> nanos, int percentile) {
        List<Long> sorted = nanos.stream().sorted().toList();
        long value = sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100));
        return String.format(Locale.ROOT, "%.1f", value / 1e6);
    }

    private long letters(String unitId) {
        Api.Response r = api.as(keys.inspector()).get("/api/v1/units/" + unitId + "/quota/2025?asOf=2025-12-31");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("letters").asLong();
    }
}
