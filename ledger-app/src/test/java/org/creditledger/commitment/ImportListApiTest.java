package org.creditledger.commitment;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /commitments/imports}: a unit's imports, newest first, with their counters. */
class ImportListApiTest extends ImportApiTest {

    static String row(String unitId, String signedOn) {
        String code = SubjectCodes.usccFor(NEXT_SUBJECT.incrementAndGet() % SubjectCodes.USCC_FOR_LIMIT, false);
        return unitId + ",OTHER,LEGAL_PERSON," + code + ",广元市某某建材有限公司,食品经营许可,本单位承诺所提交材料真实有效," + signedOn + ",";
    }

    static byte[] csv(String... rows) {
        return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aClerkListsItsUnitsImportsNewestFirstWithTheirCounters() {
        String unit = registerUnit("苍溪县市场监管局");
        String otherUnit = registerUnit("旺苍县市场监管局");
        String clerk = keys.clerk(unit);
        String older = upload(clerk, "三月.csv", csv(row(unit, "2025-03-01"), row(unit, "2025-03-02"))).json().path("importId").asText();
        awaitDone(clerk, older);
        String newer = upload(clerk, "四月.csv", csv(row(unit, "2025-04-01"), row(unit, "2025-13-01"), row(unit, "2025-04-03")))
                .json().path("importId").asText();
        awaitDone(clerk, newer);
        String others = upload(keys.clerk(otherUnit), "旺苍.csv", csv(row(otherUnit, "2025-03-01"))).json().path("importId").asText();

        Api.Response listed = api.as(clerk).get(IMPORTS);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        JsonNode page = listed.json();
        assertThat(page.path("totalItems").asLong()).isEqualTo(2);
        assertThat(page.path("items").findValuesAsText("importId")).containsExactly(newer, older);
        JsonNode latest = page.path("items").get(0);
        assertThat(latest.path("fileName").asText()).isEqualTo("四月.csv");
        assertThat(latest.path("unitId").asText()).isEqualTo(unit);
        assertThat(latest.path("state").asText()).isEqualTo("DONE");
        assertThat(latest.path("total").asInt()).isEqualTo(3);
        assertThat(latest.path("processed").asInt()).isEqualTo(3);
        assertThat(latest.path("accepted").asInt()).isEqualTo(2);
        assertThat(latest.path("rejected").asInt()).isEqualTo(1);
        assertThat(latest.path("uploadedAt").asText()).isNotBlank();
        assertThat(latest.path("finishedAt").asText()).isNotBlank();

        assertThat(api.as(clerk).get(IMPORTS + "?unitId=" + unit + "&size=1&page=1").json().path("items").findValuesAsText("importId"))
                .containsExactly(older);
        JsonNode beyond = api.as(clerk).get(IMPORTS + "?size=1&page=5").json();
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("totalItems").asLong()).isEqualTo(2);
        assertThat(api.as(keys.inspector()).get(IMPORTS + "?unitId=" + otherUnit).json().path("items").findValuesAsText("importId"))
                .containsExactly(others);

        Api.Response refused = api.as(clerk).get(IMPORTS + "?unitId=" + otherUnit);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:forbidden");
        Api.Response tooLarge = api.as(clerk).get(IMPORTS + "?size=501");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().path("errors").findValuesAsText("field")).containsExactly("size");
    }
}
