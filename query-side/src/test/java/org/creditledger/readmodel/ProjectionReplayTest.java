package org.creditledger.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.creditledger.readmodel.LedgerEvents.shanghai;

/** The projections can be rebuilt from the event store: reset handlers clear the tables, the replay fills them again. */
class ProjectionReplayTest extends ReadApiTest {

    @Test
    void replayingEveryProjectionRebuildsTheSameViews() {
        String unitId = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);
        CommitmentId kept = events.letter(unitId, LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"), shanghai("2025-03-01T10:00"));
        events.overdue(kept, unitId, LocalDate.parse("2025-03-31"), shanghai("2025-04-01T00:00"));
        events.fulfilled(kept, unitId, LocalDate.parse("2025-04-03"), "逾期后履约", shanghai("2025-04-03T10:00"));
        events.letter(unitId, shanghai("2025-05-01T10:00"));
        String admin = keys.admin();
        JsonNode quotaBefore = get(admin, "/api/v1/units/" + unitId + "/quota/2025?asOf=2025-12-31");
        JsonNode commitmentBefore = get(admin, "/api/v1/commitments/" + kept);
        assertThat(quotaBefore.path("letters").asLong()).isEqualTo(2);

        for (String group : PROCESSING_GROUPS) {
            StreamingEventProcessor processor = processor(group);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Arrays.stream(PROCESSING_GROUPS).noneMatch(group -> processor(group).isReplaying()));

        assertThat(get(admin, "/api/v1/units/" + unitId + "/quota/2025?asOf=2025-12-31")).isEqualTo(quotaBefore);
        assertThat(get(admin, "/api/v1/commitments/" + kept)).isEqualTo(commitmentBefore);
        assertThat(api.as(admin).get("/api/v1/units").text()).contains(unitId);
    }

    private JsonNode get(String key, String path) {
        Api.Response r = api.as(key).get(path);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
