package org.creditledger.commitment;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.creditledger.LedgerApplication;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A client that writes and then reads at once sees its write: the read side catches up before answering. */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadYourWritesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void whatAClerkPostsIsVisibleInTheNextRead() {
        awaitProjectionsCaughtUp(processing);
        TestKeys keys = new TestKeys(apiKeys);
        Api api = Api.at(port);
        String admin = keys.admin();
        String unitId = "gy-education-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int year = today.getYear();

        assertThat(api.as(admin).put("/api/v1/units/" + unitId, Map.of("name", "市教育局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
        assertThat(api.as(admin).put("/api/v1/units/" + unitId + "/targets/" + year,
                Map.of("annualTarget", 50, "counting", "COMBINED", "quarterlyRule", true)).status()).isEqualTo(200);
        assertThat(api.as(admin).get("/api/v1/units").text()).contains(unitId);

        String clerk = keys.clerk(unitId);
        Api.Response posted = api.as(clerk).post("/api/v1/commitments", Map.of("unitId", unitId, "type", "VOLUNTARY_DISCLOSURE",
                "subject", Map.of("kind", "LEGAL_PERSON", "code", "91110108MA01R7K44D", "name", "广元市某某教育培训有限公司"),
                "matter", "民办学校办学许可", "content", "本单位承诺依法诚信办学", "signedOn", today.toString()));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        String id = posted.json().path("commitmentId").asText();

        Api.Response view = api.as(clerk).get("/api/v1/commitments/" + id);
        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        assertThat(view.json().path("status").asText()).isEqualTo("POSTED");
        assertThat(view.json().path("recordedAt").asText()).isEqualTo(posted.json().path("recordedAt").asText());

        assertThat(api.as(clerk).post("/api/v1/commitments/" + id + "/outcome",
                Map.of("outcome", "FULFILLED", "occurredOn", today.toString())).status()).isEqualTo(200);
        assertThat(api.as(clerk).get("/api/v1/commitments/" + id).json().path("status").asText()).isEqualTo("FULFILLED");

        Api.Response quota = api.as(clerk).get("/api/v1/units/" + unitId + "/quota/" + year);
        assertThat(quota.status()).as(quota.toString()).isEqualTo(200);
        assertThat(quota.json().path("letters").asLong()).isEqualTo(1);
        assertThat(quota.json().path("records").asLong()).isEqualTo(1);
        assertThat(quota.json().path("asOf").asText()).isEqualTo(today.toString());
    }

    /**
     * Read-your-writes is promised by a node whose projections run and have caught up with the event store. Test
     * classes with other configurations share the test database and append events while this class's (cached,
     * paused) context is stopped; when it resumes, its processors first work through that backlog, and a read meanwhile
     * must wait for all of it (on a loaded machine longer than the catch-up timeout: then it gets 503, formerly a stale
     * 404). Claiming the segments is not enough, so wait until every segment has caught up.
     */
    static void awaitProjectionsCaughtUp(EventProcessingConfiguration processing) {
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> Stream.of("units", "commitments", "quota")
                .map(group -> processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow())
                .allMatch(p -> p.isRunning() && !p.processingStatus().isEmpty()
                        && p.processingStatus().values().stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState())));
        org.slf4j.LoggerFactory.getLogger(ReadYourWritesApiTest.class).info("The projections had caught up after {} ms",
                (System.nanoTime() - start) / 1_000_000);
    }
}
