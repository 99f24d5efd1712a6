package org.creditledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.LedgerHttpTest;
import org.creditledger.platform.web.Page;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subject's state as of an instant: what the ledger knew then, before and after each change, and the same entries a
 * counter check was shown then.
 */
class SubjectStateApiTest extends LedgerHttpTest {

    AuditLedger ledger;
    Api inspector;

    @BeforeEach
    void setUp() {
        ledger = new AuditLedger(api(), apiKeys);
        inspector = api().as(keys().inspector());
    }

    @Test
    void aCommitmentIsOpenFromItsRecordingUntilItsOutcomeIsRecorded() {
        String subject = AuditLedger.freshUscc();
        String commitmentId = ledger.postCommitment(subject, "2099-12-31", null, null);
        ledger.recordOutcome(commitmentId, "FULFILLED", null, null);
        JsonNode posted = event(subject, "CommitmentPostedEvent");
        JsonNode fulfilled = event(subject, "CommitmentFulfilledEvent");
        Instant postedAt = Instant.parse(posted.path("recordedAt").asText());
        Instant fulfilledAt = Instant.parse(fulfilled.path("recordedAt").asText());

        JsonNode before = state(subject, postedAt.minusMillis(1));
        assertThat(before.path("commitments").path("items")).isEmpty();
        assertThat(before.path("ledgerPosition").asLong()).isLessThan(posted.path("globalIndex").asLong());

        JsonNode open = state(subject, postedAt);
        assertThat(open.path("subjectCode").asText()).isEqualTo(subject);
        assertThat(Instant.parse(open.path("asOf").asText())).isEqualTo(postedAt);
        assertThat(open.path("ledgerPosition").asLong()).isGreaterThanOrEqualTo(posted.path("globalIndex").asLong());
        assertThat(open.path("commitments").path("items")).hasSize(1);
        JsonNode commitment = open.path("commitments").path("items").get(0);
        assertThat(commitment.path("commitmentId").asText()).isEqualTo(commitmentId);
        assertThat(commitment.path("status").asText()).isEqualTo("POSTED");
        assertThat(commitment.path("unitId").asText()).isEqualTo(ledger.unit);
        assertThat(commitment.path("type").asText()).isEqualTo("NOTIFICATION_IN_LIEU_OF_CERTIFICATE");
        assertThat(commitment.path("matter").asText()).isEqualTo("食品经营许可");
        assertThat(commitment.path("signedOn").asText()).isEqualTo("2025-03-01");
        assertThat(commitment.path("dueDate").asText()).isEqualTo("2099-12-31");
        assertThat(Instant.parse(commitment.path("recordedAt").asText())).isEqualTo(postedAt);

        JsonNode justBeforeOutcome = state(subject, fulfilledAt.minusMillis(1));
        assertThat(ids(justBeforeOutcome)).containsExactly(commitmentId);
        assertThat(justBeforeOutcome.path("ledgerPosition").asLong()).isLessThan(fulfilled.path("globalIndex").asLong());

        JsonNode afterOutcome = state(subject, fulfilledAt);
        assertThat(afterOutcome.path("commitments").path("items")).isEmpty();
        assertThat(afterOutcome.path("ledgerPosition").asLong()).isGreaterThanOrEqualTo(fulfilled.path("globalIndex").asLong());

        Api.Response now = inspector.get(path(subject));
        assertThat(now.status()).isEqualTo(200);
        assertThat(now.json().path("commitments").path("items")).isEmpty();
        assertThat(Instant.parse(now.json().path("asOf").asText())).isAfterOrEqualTo(fulfilledAt);
    }

    @Test
    void aCommitmentPastItsDueDateIsOverdueFromWhenTheLedgerRecordedIt() {
        String subject = AuditLedger.freshUscc();
        String commitmentId = ledger.postCommitment(subject, "2025-03-31", null, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> types(subject).contains("CommitmentBecameOverdueEvent"));
        Instant overdueAt = Instant.parse(event(subject, "CommitmentBecameOverdueEvent").path("recordedAt").asText());

        JsonNode before = state(subject, overdueAt.minusMillis(1)).path("commitments").path("items").get(0);
        assertThat(before.path("commitmentId").asText()).isEqualTo(commitmentId);
        assertThat(before.path("status").asText()).isEqualTo("POSTED");
        assertThat(before.has("overdueSince")).isFalse();

        JsonNode after = state(subject, overdueAt).path("commitments").path("items").get(0);
        assertThat(after.path("status").asText()).isEqualTo("OVERDUE");
        assertThat(Instant.parse(after.path("overdueSince").asText())).isEqualTo(overdueAt);
    }

    @Test
    void theEntriesInForceAreWhatACounterCheckFoundAtTheSameInstant() {
        String subject = AuditLedger.freshUscc();
        String entryId = ledger.enterList(subject, null, null);
        Api counter = api().as(keys().counter());
        Map<String, Object> question = Map.of("subjectCode", subject, "domain", "GOVERNMENT_PROCUREMENT");
        JsonNode recorded = await().atMost(Duration.ofSeconds(10))
                .until(() -> counter.post("/api/v1/checks", question).json(), answer -> answer.path("entries").size() == 1);
        assertThat(recorded.path("verdict").asText()).isEqualTo("RESTRICT");
        ledger.fileObjection(entryId, LocalDate.now(ZoneId.of("Asia/Shanghai")), null);
        ledger.exit(entryId, null);
        Instant checkedAt = Instant.parse(recorded.path("checkedAt").asText());
        Instant listedAt = Instant.parse(event(subject, "SubjectListedEvent").path("recordedAt").asText());
        Instant objectedAt = Instant.parse(event(subject, "ObjectionFiledEvent").path("recordedAt").asText());
        Instant exitedAt = Instant.parse(event(subject, "SubjectDelistedEvent").path("recordedAt").asText());
        JsonNode checkInTimeline = event(subject, "SubjectCheckedEvent");
        assertThat(checkInTimeline.path("eventIdentifier").asText()).as("the check endpoint's event is in the timeline")
                .isEqualTo(recorded.path("checkId").asText());
        assertThat(checkInTimeline.path("role").asText()).isEqualTo("COUNTER");
        assertThat(Instant.parse(checkInTimeline.path("recordedAt").asText())).isEqualTo(checkedAt);

        JsonNode atCheck = state(subject, checkedAt);
        assertThat(atCheck.path("entries")).as("what the counter was shown").isEqualTo(recorded.path("entries"));
        JsonNode reproduced = counter.post("/api/v1/checks", Map.of("subjectCode", subject, "domain", "GOVERNMENT_PROCUREMENT",
                "asOf", recorded.path("checkedAt").asText())).json();
        assertThat(atCheck.path("ledgerPosition").asLong()).isEqualTo(reproduced.path("ledgerPosition").asLong());
        assertThat(atCheck.path("entries")).isEqualTo(reproduced.path("entries"));

        assertThat(state(subject, listedAt.minusMillis(1)).path("entries")).isEmpty();
        JsonNode listed = state(subject, listedAt).path("entries");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("entryId").asText()).isEqualTo(entryId);
        assertThat(listed.get(0).path("listCode").asText()).isEqualTo(ledger.listCode);
        assertThat(listed.get(0).path("colour").asText()).isEqualTo("BLACK");
        assertThat(listed.get(0).path("effectiveUntil").asText()).isEqualTo("2028-04-02");
        assertThat(listed.get(0).path("disputed").asBoolean()).isFalse();
        assertThat(state(subject, objectedAt).path("entries").get(0).path("disputed").asBoolean()).as("objection open").isTrue();
        assertThat(state(subject, exitedAt.minusMillis(1)).path("entries")).hasSize(1);
        assertThat(state(subject, exitedAt).path("entries")).isEmpty();
        assertThat(inspector.get(path(subject)).json().path("entries")).isEmpty();
    }

    @Test
    void openCommitmentsComeOnePageAtATimeOldestFirstWithTheirTotal() {
        String subject = AuditLedger.freshUscc();
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(ledger.postCommitment(subject, "2099-12-31", null, null));
        }

        JsonNode first = page(subject, "?size=2");
        assertThat(first.path("commitments").path("totalItems").asLong()).isEqualTo(5);
        assertThat(first.path("commitments").path("page").asInt()).isZero();
        assertThat(first.path("commitments").path("size").asInt()).isEqualTo(2);
        List<String> paged = new ArrayList<>(ids(first));
        paged.addAll(ids(page(subject, "?size=2&page=1")));
        paged.addAll(ids(page(subject, "?size=2&page=2")));
        assertThat(paged).containsExactlyElementsOf(posted);

        JsonNode beyond = page(subject, "?size=2&page=3");
        assertThat(beyond.path("commitments").path("items")).isEmpty();
        assertThat(beyond.path("commitments").path("totalItems").asLong()).isEqualTo(5);
        assertThat(page(subject, "").path("commitments").path("size").asInt()).isEqualTo(Page.DEFAULT_SIZE);

        assertBadRequest(path(subject) + "?size=" + (Page.MAX_SIZE + 1), "size");
        assertBadRequest(path(subject) + "?size=0", "size");
        assertBadRequest(path(subject) + "?page=-1", "page");
    }

    private JsonNode page(String subject, String query) {
        Api.Response response = inspector.get(path(subject) + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void beforeTheFirstEventTheLedgerKnewNothing() {
        JsonNode state = state(AuditLedger.freshResidentId(), Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(state.path("ledgerPosition").asLong()).isEqualTo(-1);
        assertThat(state.path("commitments").path("items")).isEmpty();
        assertThat(state.path("entries")).isEmpty();
    }

    @Test
    void aFutureOrUnreadableInstantOrABadCodeIs400() {
        String subject = AuditLedger.freshUscc();
        assertBadRequest(path(subject) + "?asOf=" + Instant.now().plusSeconds(3600), "asOf");
        assertBadRequest(path(subject) + "?asOf=2025-03-03", "asOf");
        assertBadRequest(path("91110108MA01R7K44E") + "?asOf=2025-03-03T02:00:00Z", "code");
    }

    private void assertBadRequest(String path, String field) {
        Api.Response response = inspector.get(path);
        assertThat(response.status()).as(path + ": " + response).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsText("field")).as(response.toString()).containsExactly(field);
    }

    private JsonNode state(String subject, Instant asOf) {
        Api.Response response = inspector.get(path(subject) + "?asOf=" + asOf);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode event(String subject, String type) {
        JsonNode items = inspector.get("/api/v1/subjects/" + subject + "/timeline").json().path("items");
        return StreamSupport.stream(items.spliterator(), false).filter(item -> item.path("type").asText().equals(type))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " in " + items));
    }

    private List<String> types(String subject) {
        JsonNode items = inspector.get("/api/v1/subjects/" + subject + "/timeline").json().path("items");
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.path("type").asText()).toList();
    }

    private static List<String> ids(JsonNode state) {
        return StreamSupport.stream(state.path("commitments").path("items").spliterator(), false)
                .map(c -> c.path("commitmentId").asText()).toList();
    }

    private static String path(String subject) {
        return "/api/v1/subjects/" + subject + "/state";
    }
}
