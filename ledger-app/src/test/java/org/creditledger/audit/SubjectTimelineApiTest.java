package org.creditledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.creditledger.LedgerHttpTest;
import org.creditledger.audit.timeline.SubjectTimeline;
import org.creditledger.check.api.CheckId;
import org.creditledger.listing.api.EntryId;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A subject's timeline over HTTP, as an inspector reads it: every event about the subject, in order, with who wrote it. */
class SubjectTimelineApiTest extends LedgerHttpTest {

    @Autowired
    EventGateway eventGateway;
    @Autowired
    SubjectTimeline subjectTimeline;

    AuditLedger ledger;
    Api inspector;

    @BeforeEach
    void setUp() {
        ledger = new AuditLedger(api(), apiKeys);
        inspector = api().as(keys().inspector());
    }

    @Test
    void everyEventAboutTheSubjectInLedgerOrderWithWhoWroteItAndWhy() {
        String subject = AuditLedger.freshUscc();
        String other = AuditLedger.freshUscc();
        String run = UUID.randomUUID().toString().substring(0, 8);

        String commitmentId = ledger.postCommitment(subject, null, "corr-post-" + run, "idem-post-" + run);
        ledger.postCommitment(other, null, "corr-other-" + run, null);
        ledger.recordOutcome(commitmentId, "FULFILLED", "corr-outcome-" + run, "idem-outcome-" + run);
        String entryId = ledger.enterList(subject, "corr-enter-" + run, "idem-enter-" + run);
        // filed long ago: its decision date has passed, so the ledger flags it overdue by itself (a system event)
        String objectionId = ledger.fileObjection(entryId, LocalDate.parse("2025-04-10"), "corr-object-" + run);
        await().atMost(Duration.ofSeconds(20)).until(() -> types(timeline(subject)).contains("ObjectionOverdueEvent"));
        ledger.rejectObjection(entryId, objectionId, "corr-reject-" + run);
        String jointActionId = ledger.recordJointAction(entryId, "corr-case-" + run, "idem-case-" + run);
        CheckId checkId = AuditLedger.check(eventGateway, subject, EntryId.parse(entryId), ledger.listCode, "corr-check-" + run);
        ledger.exit(entryId, "corr-exit-" + run);

        JsonNode page = timeline(subject);

        assertThat(page.path("subjectCode").asText()).isEqualTo(subject);
        assertThat(page.path("totalItems").asLong()).isEqualTo(9);
        JsonNode items = page.path("items");
        assertThat(types(page)).containsExactly("CommitmentPostedEvent", "CommitmentFulfilledEvent", "SubjectListedEvent",
                "ObjectionFiledEvent", "ObjectionOverdueEvent", "ObjectionRejectedEvent", "JointActionRecordedEvent",
                "SubjectCheckedEvent", "SubjectDelistedEvent");
        assertThat(field(items, "kind")).containsExactly("COMMITMENT", "COMMITMENT", "LIST_ENTRY", "LIST_ENTRY",
                "LIST_ENTRY", "LIST_ENTRY", "JOINT_ACTION", "CHECK", "LIST_ENTRY");
        List<Long> indexes = StreamSupport.stream(items.spliterator(), false).map(i -> i.path("globalIndex").asLong()).toList();
        assertThat(indexes).isSorted().doesNotHaveDuplicates();
        for (JsonNode item : items) {
            assertThat(item.path("globalIndex").asLong()).as("the stored global index of " + item.path("type"))
                    .isEqualTo(storedGlobalIndex(item.path("eventIdentifier").asText()));
        }

        JsonNode posted = items.get(0);
        assertThat(posted.path("aggregateIdentifier").asText()).isEqualTo(commitmentId);
        assertThat(posted.path("sequenceNumber").asLong()).isZero();
        assertThat(posted.path("principal").asText()).isEqualTo(ledger.clerkKey.keyId().toString());
        assertThat(posted.path("principalName").asText()).isEqualTo("苍溪县市场监管局 clerk");
        assertThat(posted.path("role").asText()).isEqualTo("UNIT_CLERK");
        assertThat(posted.path("unit").asText()).isEqualTo(ledger.unit);
        assertThat(posted.path("correlationId").asText()).isEqualTo("corr-post-" + run);
        assertThat(posted.path("clientRequestId").asText()).isEqualTo("idem-post-" + run);
        assertThat(posted.path("request").asText()).isEqualTo("POST /api/v1/commitments");
        assertThat(posted.path("businessDates").path("signedOn").asText()).isEqualTo("2025-03-01");
        assertThat(posted.path("summary").path("matter").asText()).isEqualTo("食品经营许可");
        assertThat(posted.path("summary").path("unitId").asText()).as("typed ids as plain values").isEqualTo(ledger.unit);
        assertThat(Instant.parse(posted.path("recordedAt").asText())).isBeforeOrEqualTo(Instant.now());

        JsonNode fulfilled = items.get(1);
        assertThat(fulfilled.path("aggregateIdentifier").asText()).isEqualTo(commitmentId);
        assertThat(fulfilled.path("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(fulfilled.path("businessDates").path("occurredOn").asText()).isEqualTo("2025-06-30");
        assertThat(fulfilled.path("clientRequestId").asText()).isEqualTo("idem-outcome-" + run);

        JsonNode listed = items.get(2);
        assertThat(listed.path("aggregateIdentifier").asText()).isEqualTo(entryId);
        assertThat(listed.path("principal").asText()).isEqualTo(ledger.authorityKey.keyId().toString());
        assertThat(listed.path("role").asText()).isEqualTo("LIST_AUTHORITY");
        assertThat(listed.path("authority").asText()).isEqualTo(AuditLedger.AUTHORITY);
        assertThat(listed.path("correlationId").asText()).isEqualTo("corr-enter-" + run);
        assertThat(listed.path("clientRequestId").asText()).isEqualTo("idem-enter-" + run);
        assertThat(listed.path("businessDates").path("decidedOn").asText()).isEqualTo("2025-04-02");
        assertThat(listed.path("businessDates").path("effectiveFrom").asText()).isEqualTo("2025-04-03");
        assertThat(listed.path("businessDates").path("effectiveUntil").asText()).isEqualTo("2028-04-02");
        assertThat(listed.path("summary").path("subject").path("name").asText()).isEqualTo("苍溪县某某食品有限公司");

        JsonNode overdue = items.get(4);
        assertThat(overdue.path("principal").asText()).isEqualTo("system");
        assertThat(overdue.path("role").asText()).isEqualTo("SYSTEM");
        assertThat(overdue.path("request").asText()).isEqualTo("objection " + objectionId + " undecided after " + overdue.path("businessDates").path("decideBy").asText());
        assertThat(items.get(3).path("businessDates").path("filedOn").asText()).isEqualTo("2025-04-10");
        assertThat(items.get(5).path("correlationId").asText()).isEqualTo("corr-reject-" + run);

        JsonNode jointAction = items.get(6);
        assertThat(jointAction.path("aggregateIdentifier").asText()).isEqualTo(jointActionId);
        assertThat(jointAction.path("unit").asText()).isEqualTo(ledger.unit);
        assertThat(jointAction.path("businessDates").path("takenOn").asText()).isEqualTo("2025-05-12");
        assertThat(jointAction.path("summary").path("measureCode").asText()).isEqualTo(ledger.measureCode);

        JsonNode check = items.get(7);
        assertThat(check.path("eventIdentifier").asText()).as("a check's event id is its receipt id").isEqualTo(checkId.toString());
        assertThat(check.has("aggregateIdentifier")).as("no aggregate").isFalse();
        assertThat(check.has("sequenceNumber")).isFalse();
        assertThat(check.path("role").asText()).isEqualTo("COUNTER");
        assertThat(check.path("correlationId").asText()).isEqualTo("corr-check-" + run);
        assertThat(check.path("summary").path("verdict").asText()).isEqualTo("RESTRICT");
        assertThat(check.path("summary").path("entries").get(0).path("entryId").asText()).isEqualTo(entryId);
        assertThat(check.path("summary").path("measures").get(0).asText()).isEqualTo("AUDIT_RESTRICT");

        JsonNode exited = items.get(8);
        assertThat(exited.path("businessDates").has("exitedOn")).isTrue();
        assertThat(exited.path("summary").path("reason").asText()).isEqualTo("REVOKED");
        assertThat(exited.path("correlationId").asText()).isEqualTo("corr-exit-" + run);

        assertThat(page.toString()).as("nothing about the other subject").doesNotContain(other);
    }

    @Test
    void filtersByKindAndRecordTimeAndPagesInLedgerOrder() {
        String subject = AuditLedger.freshUscc();
        String first = ledger.postCommitment(subject, null, null, null);
        ledger.recordOutcome(first, "BREACHED", null, null);
        String entryId = ledger.enterList(subject, null, null);
        ledger.recordJointAction(entryId, null, null);
        ledger.postCommitment(subject, null, null, null);
        JsonNode all = timeline(subject).path("items");
        assertThat(all).hasSize(5);

        JsonNode commitments = inspector.get(path(subject) + "?kind=COMMITMENT").json();
        assertThat(commitments.path("totalItems").asLong()).isEqualTo(3);
        assertThat(field(commitments.path("items"), "kind")).containsOnly("COMMITMENT");
        JsonNode listAndCases = inspector.get(path(subject) + "?kind=LIST_ENTRY,JOINT_ACTION").json();
        assertThat(types(listAndCases)).containsExactly("SubjectListedEvent", "JointActionRecordedEvent");
        assertThat(inspector.get(path(subject) + "?kind=LIST_ENTRY&kind=JOINT_ACTION").json().path("items"))
                .isEqualTo(listAndCases.path("items"));

        // [from, to): from the outcome (included) to the fifth event (excluded)
        String from = all.get(1).path("recordedAt").asText();
        String to = all.get(4).path("recordedAt").asText();
        JsonNode window = inspector.get(path(subject) + "?from=" + from + "&to=" + to).json();
        assertThat(field(window.path("items"), "eventIdentifier"))
                .containsExactly(ids(all, 1, 2, 3));

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode shown = inspector.get(path(subject) + "?size=2&page=" + page).json();
            assertThat(shown.path("page").asInt()).isEqualTo(page);
            assertThat(shown.path("size").asInt()).isEqualTo(2);
            assertThat(shown.path("totalItems").asLong()).isEqualTo(5);
            shown.path("items").forEach(item -> paged.add(item.path("eventIdentifier").asText()));
        }
        assertThat(paged).containsExactly(ids(all, 0, 1, 2, 3, 4));
        assertThat(inspector.get(path(subject) + "?size=2&page=3").json().path("items")).isEmpty();
        assertThat(timeline(subject).path("size").asInt()).as("default page size").isEqualTo(50);
    }

    @Test
    void aPlainDateBoundsTheWholeShanghaiDay() {
        String subject = AuditLedger.freshUscc();
        ledger.postCommitment(subject, null, null, null);
        Instant recordedAt = Instant.parse(timeline(subject).path("items").get(0).path("recordedAt").asText());
        LocalDate day = recordedAt.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();

        assertThat(inspector.get(path(subject) + "?from=" + day + "&to=" + day).json().path("totalItems").asLong())
                .as("from and to the same day: that whole day").isEqualTo(1);
        assertThat(inspector.get(path(subject) + "?to=" + day.minusDays(1)).json().path("totalItems").asLong())
                .as("up to the day before, included").isZero();
        assertThat(inspector.get(path(subject) + "?from=" + day.plusDays(1)).json().path("totalItems").asLong())
                .as("from the day after").isZero();
        assertThat(inspector.get(path(subject) + "?from=" + day.minusDays(1) + "&to=" + recordedAt).json().path("totalItems").asLong())
                .as("a date and an instant together; the instant is excluded as before").isZero();
        assertBadRequest(path(subject) + "?from=2025-02-30", "from");
        assertBadRequest(path(subject) + "?to=2025-3-3", "to");
        assertBadRequest(path(subject) + "?from=" + day.plusDays(1) + "&to=" + day, "to");
    }

    @Test
    void aValidCodeTheLedgerHoldsNothingAboutHasAnEmptyTimeline() {
        for (String code : new String[] {AuditLedger.freshUscc(), AuditLedger.freshResidentId()}) {
            Api.Response response = inspector.get(path(code));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("items")).isEmpty();
            assertThat(response.json().path("totalItems").asLong()).isZero();
        }
    }

    @Test
    void aLowerCaseCodeIsTheSameSubject() {
        String subject = AuditLedger.freshUscc();
        while (subject.chars().noneMatch(Character::isLetter)) {
            subject = AuditLedger.freshUscc();
        }
        ledger.postCommitment(subject, null, null, null);
        JsonNode shown = inspector.get(path(subject.toLowerCase())).json();
        assertThat(shown.path("subjectCode").asText()).isEqualTo(subject);
        assertThat(shown.path("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void badParametersAre400WithTheFieldNamed() {
        String subject = AuditLedger.freshUscc();
        String wrongCheckDigit = subject.substring(0, 17) + (subject.charAt(17) == '1' ? '2' : '1');
        assertBadRequest(path(wrongCheckDigit), "code");
        assertBadRequest(path("not-a-code"), "code");
        assertBadRequest(path(subject) + "?from=yesterday", "from");
        assertBadRequest(path(subject) + "?from=2025-03-03T10:00:00", "from");
        assertBadRequest(path(subject) + "?from=2025-03-03T10:00:00Z&to=2025-03-03T10:00:00Z", "to");
        assertBadRequest(path(subject) + "?kind=PAYMENT", "kind");
        assertBadRequest(path(subject) + "?size=0", "size");
        assertBadRequest(path(subject) + "?size=501", "size");
        assertBadRequest(path(subject) + "?page=-1", "page");
        assertBadRequest(path(subject) + "?page=two", "page");
        assertThat(inspector.get(path(subject) + "?size=500&from=2025-03-03T02:00:00Z").status()).isEqualTo(200);
    }

    @Test
    void theDisputePackageGetsTheGlobalIndexesOfEveryEventAboutTheSubject() {
        String subject = AuditLedger.freshUscc();
        String commitmentId = ledger.postCommitment(subject, null, null, null);
        ledger.recordOutcome(commitmentId, "FULFILLED", null, null);
        ledger.enterList(subject, null, null);

        List<Long> indexes = subjectTimeline.globalIndexesAbout(subject);

        List<Long> stored = jdbc.sql("""
                        select global_index from domain_event_entry
                        where convert_from(payload, 'UTF8') like ? order by global_index""")
                .param("%" + subject + "%").query(Long.class).list();
        assertThat(indexes).hasSize(3).isEqualTo(stored);
    }

    private void assertBadRequest(String path, String field) {
        Api.Response response = inspector.get(path);
        assertThat(response.status()).as(path + ": " + response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsText("field")).as(path + ": " + response).contains(field);
    }

    private JsonNode timeline(String subject) {
        Api.Response response = inspector.get(path(subject));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static String path(String subject) {
        return "/api/v1/subjects/" + subject + "/timeline";
    }

    private static List<String> types(JsonNode page) {
        return field(page.path("items"), "type");
    }

    /** One top-level field of each item (not of the summaries inside). */
    private static List<String> field(JsonNode items, String name) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.path(name).asText()).toList();
    }

    private static String[] ids(JsonNode items, int... positions) {
        return java.util.Arrays.stream(positions).mapToObj(i -> items.get(i).path("eventIdentifier").asText()).toArray(String[]::new);
    }

    private long storedGlobalIndex(String eventIdentifier) {
        return jdbc.sql("select global_index from domain_event_entry where event_identifier = ?")
                .param(eventIdentifier).query(Long.class).single();
    }
}
