package org.creditledger.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.LedgerHttpTest;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Codes stay what clients switch on; a person reads their labels, in Chinese unless the request asks for English. */
class VocabularyApiTest extends LedgerHttpTest {

    @Test
    void theVocabularyListsEveryLabelledEnumInChineseByDefault() {
        Api.Response vocabulary = api().as(keys().counter()).get("/api/v1/vocabulary");

        assertThat(vocabulary.status()).as(vocabulary.toString()).isEqualTo(200);
        JsonNode json = vocabulary.json();
        assertThat(labels(json, "Verdict")).containsExactly(
                Map.entry("CLEAR", "通过"), Map.entry("RESTRICT", "限制"), Map.entry("INCENTIVE", "激励"),
                Map.entry("RESTRICT_AND_INCENTIVE", "限制并激励"));
        assertThat(labels(json, "SubjectKind")).containsExactly(
                Map.entry("LEGAL_PERSON", "法人和非法人组织"), Map.entry("INDIVIDUAL_BUSINESS", "个体工商户"),
                Map.entry("NATURAL_PERSON", "自然人"));
        assertThat(labels(json, "CommitmentType")).containsEntry("NOTIFICATION_IN_LIEU_OF_CERTIFICATE", "证明事项告知承诺")
                .containsEntry("ACCEPTANCE_WITH_DEFICIENCIES", "容缺受理型").hasSize(7);
        assertThat(json.fieldNames()).toIterable().contains("CommitmentStatus", "ListColour", "ExitReason", "RepairMethod",
                "MeasureDomain", "MeasureKind", "UnitKind", "Role", "Outcome", "EntryStatus");
    }

    @Test
    void englishIsGivenWhenTheRequestAsksForIt() {
        Api.Response vocabulary = api().as(keys().inspector()).exchange(HttpMethod.GET, "/api/v1/vocabulary", null,
                h -> h.set("Accept-Language", "en-GB,en;q=0.8"));

        assertThat(vocabulary.status()).as(vocabulary.toString()).isEqualTo(200);
        assertThat(labels(vocabulary.json(), "Verdict")).containsEntry("CLEAR", "Clear").containsEntry("RESTRICT", "Restrict");
    }

    @Test
    void aLanguageTheLedgerDoesNotSpeakGetsChinese() {
        Api.Response vocabulary = api().as(keys().counter()).exchange(HttpMethod.GET, "/api/v1/vocabulary", null,
                h -> h.set("Accept-Language", "fr-FR"));

        assertThat(labels(vocabulary.json(), "Verdict")).containsEntry("CLEAR", "通过");
    }

    @Test
    void anAnswerCarriesTheLabelBesideEachCodeInTheReadersLanguage() {
        String code = SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
        Api counter = api().as(keys().counter());
        Map<String, String> check = Map.of("subjectCode", code, "domain", "ADMIN_APPROVAL");

        JsonNode chinese = counter.post("/api/v1/checks", check).json();
        JsonNode english = counter.exchange(HttpMethod.POST, "/api/v1/checks", check, h -> h.set("Accept-Language", "en")).json();

        assertThat(chinese.path("verdict").asText()).isEqualTo("CLEAR");
        assertThat(chinese.path("verdictLabel").asText()).isEqualTo("通过");
        assertThat(chinese.path("domainLabel").asText()).isEqualTo("行政审批");
        assertThat(english.path("verdictLabel").asText()).isEqualTo("Clear");
        assertThat(english.path("domainLabel").asText()).isEqualTo("Administrative approval");
    }

    @Test
    void aMonitoringKeyReadsMetricsOnly() {
        assertThat(api().as(keys().monitor()).get("/api/v1/vocabulary").status()).isEqualTo(403);
    }

    private static Map<String, String> labels(JsonNode vocabulary, String enumName) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        vocabulary.path(enumName).forEach(value -> labels.put(value.path("code").asText(), value.path("label").asText()));
        return labels;
    }
}
