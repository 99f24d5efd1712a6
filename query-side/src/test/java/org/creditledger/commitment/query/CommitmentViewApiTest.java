package org.creditledger.commitment.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.readmodel.Guangyuan2025;
import org.creditledger.readmodel.ReadApiTest;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.readmodel.LedgerEvents.shanghai;

class CommitmentViewApiTest extends ReadApiTest {

    @Test
    void overdueCommitmentFulfilledLaterIsFulfilledAndKeepsWhenItWasOverdue() {
        String unitId = events.unitWithTarget(Guangyuan2025.MARKET_REGULATION, suffix);
        String clerk = keys.clerk(unitId);
        Instant posted = shanghai("2025-03-01T10:15");
        CommitmentId id = events.letter(unitId, LocalDate.parse("2025-02-27"), LocalDate.parse("2025-03-31"), posted);

        JsonNode view = get(clerk, id);
        assertThat(view.path("commitmentId").asText()).isEqualTo(id.toString());
        assertThat(view.path("unitId").asText()).isEqualTo(unitId);
        assertThat(view.path("type").asText()).isEqualTo("NOTIFICATION_IN_LIEU_OF_CERTIFICATE");
        assertThat(view.path("subject").path("kind").asText()).isEqualTo("LEGAL_PERSON");
        assertThat(view.path("subject").path("code").asText()).hasSize(18).startsWith("91510802");
        assertThat(view.path("subject").path("name").asText()).isEqualTo("广元市某某建材有限公司");
        assertThat(view.path("matter").asText()).isEqualTo("食品经营许可");
        assertThat(view.path("content").asText()).isEqualTo("本单位承诺所提交材料真实有效");
        assertThat(view.path("signedOn").asText()).isEqualTo("2025-02-27");
        assertThat(view.path("dueDate").asText()).isEqualTo("2025-03-31");
        assertThat(view.path("status").asText()).isEqualTo("POSTED");
        assertThat(Instant.parse(view.path("recordedAt").asText())).isEqualTo(posted);
        assertThat(view.has("outcome")).isFalse();
        assertThat(view.has("overdueSince")).isFalse();

        Instant overdue = shanghai("2025-04-01T00:00");
        events.overdue(id, unitId, LocalDate.parse("2025-03-31"), overdue);
        view = get(clerk, id);
        assertThat(view.path("status").asText()).isEqualTo("OVERDUE");
        assertThat(Instant.parse(view.path("overdueSince").asText())).isEqualTo(overdue);

        Instant fulfilled = shanghai("2025-04-10T16:00");
        events.fulfilled(id, unitId, LocalDate.parse("2025-04-08"), "整改后补交材料", fulfilled);
        view = get(keys.inspector(), id);
        assertThat(view.path("status").asText()).isEqualTo("FULFILLED");
        assertThat(Instant.parse(view.path("overdueSince").asText())).isEqualTo(overdue);
        JsonNode outcome = view.path("outcome");
        assertThat(outcome.path("outcome").asText()).isEqualTo("FULFILLED");
        assertThat(outcome.path("occurredOn").asText()).isEqualTo("2025-04-08");
        assertThat(outcome.path("note").asText()).isEqualTo("整改后补交材料");
        assertThat(Instant.parse(outcome.path("recordedAt").asText())).isEqualTo(fulfilled);
    }

    @Test
    void breachedCommitmentShowsItsOutcomeWithoutNote() {
        String unitId = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);
        CommitmentId id = events.letter(unitId, shanghai("2025-05-06T09:00"));
        events.breached(id, unitId, LocalDate.parse("2025-05-20"), null, shanghai("2025-05-21T09:00"));

        JsonNode view = get(keys.admin(), id);
        assertThat(view.path("status").asText()).isEqualTo("BREACHED");
        assertThat(view.path("outcome").path("outcome").asText()).isEqualTo("BREACHED");
        assertThat(view.path("outcome").has("note")).isFalse();
        assertThat(view.has("dueDate")).isFalse();
        assertThat(view.has("overdueSince")).isFalse();
    }

    @Test
    void onlyTheOwnUnitsClerkInspectorAndAdminMayReadACommitment() {
        String unitId = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);
        CommitmentId id = events.letter(unitId, shanghai("2025-05-06T09:00"));
        String path = "/api/v1/commitments/" + id;

        assertThat(api.as(keys.clerk(unitId)).get(path).status()).isEqualTo(200);
        assertThat(api.as(keys.inspector()).get(path).status()).isEqualTo(200);
        Api.Response otherClerk = api.as(keys.clerk("gy-forestry-" + suffix)).get(path);
        assertThat(otherClerk.status()).isEqualTo(403);
        assertThat(otherClerk.contentType()).startsWith("application/problem+json");
        assertThat(api.as(keys.counter()).get(path).status()).isEqualTo(403);
        assertThat(api.as(keys.listAuthority("市税务局")).get(path).status()).isEqualTo(403);
    }

    @Test
    void anUnknownIdAndAPathThatIsNoIdAre404() {
        String admin = keys.admin();
        Api.Response unknown = api.as(admin).get("/api/v1/commitments/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:not-found");

        // {commitmentId} matches only a UUID (so /commitments/imports reaches its own handler): anything else is no path
        Api.Response malformed = api.as(admin).get("/api/v1/commitments/not-a-uuid");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:not-found");
    }

    private JsonNode get(String key, CommitmentId id) {
        Api.Response r = api.as(key).get("/api/v1/commitments/" + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
