package org.creditledger.quota.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.readmodel.Guangyuan2025;
import org.creditledger.readmodel.LedgerEvents;
import org.creditledger.readmodel.ReadApiTest;
import org.creditledger.testing.Api;
import org.creditledger.unit.api.QuotaCounting;
import org.creditledger.unit.api.UnitKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.readmodel.LedgerEvents.shanghai;

/** Quota progress of seed 000 (广元 2025 重点工作清单) with the real 2025 targets. */
class QuotaApiTest extends ReadApiTest {

    @Test
    void requiredIsTheLeastQuarterlyAmountReachingAQuarterOfTheTarget() {
        String market = events.unitWithTarget(Guangyuan2025.MARKET_REGULATION, suffix);
        String education = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);

        JsonNode marketQuota = quota(market, "2025-06-30");
        assertThat(marketQuota.path("unitId").asText()).isEqualTo(market);
        assertThat(marketQuota.path("unitName").asText()).isEqualTo("市市场监管局");
        assertThat(marketQuota.path("year").asInt()).isEqualTo(2025);
        assertThat(marketQuota.path("annualTarget").asInt()).isEqualTo(5000);
        assertThat(marketQuota.path("counting").asText()).isEqualTo("EACH");
        assertThat(marketQuota.path("quarterlyRule").asBoolean()).isTrue();
        assertThat(marketQuota.path("letters").asLong()).isZero();
        assertThat(marketQuota.path("records").asLong()).isZero();
        assertThat(marketQuota.path("annualMet").asBoolean()).isFalse();
        assertThat(marketQuota.path("asOf").asText()).isEqualTo("2025-06-30");
        assertThat(marketQuota.path("quarters")).hasSize(4);
        for (int q = 0; q < 4; q++) {
            assertThat(marketQuota.path("quarters").get(q).path("quarter").asInt()).isEqualTo(q + 1);
            assertThat(marketQuota.path("quarters").get(q).path("required").asInt()).isEqualTo(1250);
            assertThat(marketQuota.path("quarters").get(q).path("met").asBoolean()).isFalse();
        }
        assertThat(quota(education, "2025-06-30").path("quarters").get(0).path("required").asInt()).isEqualTo(13);
    }

    @Test
    void quartersFollowTheShanghaiCalendar() {
        String unitId = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);
        events.letter(unitId, Instant.parse("2025-03-31T15:59:00Z")); // 23:59 on 31 March in Shanghai: Q1
        events.letter(unitId, Instant.parse("2025-03-31T16:30:00Z")); // 00:30 on 1 April in Shanghai: Q2
        events.letter(unitId, Instant.parse("2024-12-31T16:30:00Z")); // 00:30 on 1 January 2025 in Shanghai: Q1

        JsonNode quota = quota(unitId, "2025-12-31");
        assertThat(quarter(quota, 1).path("letters").asLong()).isEqualTo(2);
        assertThat(quarter(quota, 2).path("letters").asLong()).isEqualTo(1);
        assertThat(quota(unitId, "2025-03-31").path("letters").asLong()).isEqualTo(2);
    }

    @Test
    void aLetterCountsWhenTheLedgerRecordedItNotWhenItWasSigned() {
        String unitId = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);
        events.target(unitId, 2024, 40, QuotaCounting.COMBINED, true, shanghai("2025-01-01T09:10"));
        CommitmentId late = events.letter(unitId, LocalDate.parse("2024-12-20"), null, shanghai("2025-01-05T10:00"));
        events.fulfilled(late, unitId, LocalDate.parse("2024-12-30"), null, shanghai("2025-01-06T10:00"));

        JsonNode quota2025 = quota(unitId, "2025-12-31");
        assertThat(quota2025.path("letters").asLong()).isEqualTo(1);
        assertThat(quota2025.path("records").asLong()).isEqualTo(1);
        assertThat(quarter(quota2025, 1).path("letters").asLong()).isEqualTo(1);
        JsonNode quota2024 = quota(unitId, 2024, "2025-12-31");
        assertThat(quota2024.path("letters").asLong()).isZero();
        assertThat(quota2024.path("records").asLong()).isZero();
    }

    @Test
    void eachNeedsLettersAndRecordsSeparatelyEveryQuarterAndForTheYear() {
        String steady = events.unitWithTarget(Guangyuan2025.CIVIL_DEFENCE, suffix);
        for (String month : List.of("02", "05", "08", "11")) {
            fulfil(steady, letters(steady, 13, shanghai("2025-" + month + "-10T09:00")), shanghai("2025-" + month + "-20T09:00"));
        }
        JsonNode quota = quota(steady, "2025-12-31");
        assertThat(quota.path("letters").asLong()).isEqualTo(52);
        assertThat(quota.path("records").asLong()).isEqualTo(52);
        assertThat(quota.path("annualMet").asBoolean()).isTrue();
        assertThat(quota.path("onTrack").asBoolean()).isTrue();
        for (int q = 1; q <= 4; q++) {
            assertThat(quarter(quota, q).path("required").asInt()).isEqualTo(13);
            assertThat(quarter(quota, q).path("met").asBoolean()).as("Q%d", q).isTrue();
            assertThat(quarter(quota, q).path("cumulativeLetters").asLong()).isEqualTo(13L * q);
        }

        String lopsided = events.unitWithTarget(Guangyuan2025.CIVIL_DEFENCE, suffix + "-b");
        List<CommitmentId> posted = letters(lopsided, 40, shanghai("2025-02-10T09:00"));
        fulfil(lopsided, posted.subList(0, 12), shanghai("2025-03-10T09:00"));
        quota = quota(lopsided, "2025-12-31");
        assertThat(quarter(quota, 1).path("letters").asLong()).isEqualTo(40);
        assertThat(quarter(quota, 1).path("records").asLong()).isEqualTo(12);
        assertThat(quarter(quota, 1).path("met").asBoolean()).as("52 together, but only 12 records").isFalse();
        assertThat(quota.path("annualMet").asBoolean()).isFalse();
    }

    /**
     * 市教育局, COMBINED 50: required 13 a quarter. Q1 13 letters; Q2 6 letters + 6 records; Q3 13 records;
     * Q4 12 letters. Cumulative 13, 25, 38, 50 against pro-rata 13, 25, 38, 50.
     */
    @Test
    void combinedCountsTheSumAndOnTrackComparesEndedQuartersWithTheProRataTarget() {
        String unitId = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);
        List<CommitmentId> q1 = letters(unitId, 13, shanghai("2025-01-15T09:00"));
        List<CommitmentId> q2 = letters(unitId, 6, shanghai("2025-04-15T09:00"));
        fulfil(unitId, q1.subList(0, 6), shanghai("2025-05-15T09:00"));
        List<CommitmentId> q3Records = new ArrayList<>(q1.subList(6, 13));
        q3Records.addAll(q2);
        fulfil(unitId, q3Records, shanghai("2025-08-15T09:00"));
        letters(unitId, 12, shanghai("2025-12-31T23:00"));

        JsonNode beforeFirstQuarterEnds = quota(unitId, "2025-03-30");
        assertThat(statuses(beforeFirstQuarterEnds)).containsExactly("CURRENT", "NOT_STARTED", "NOT_STARTED", "NOT_STARTED");
        assertThat(beforeFirstQuarterEnds.path("onTrack").asBoolean()).isTrue();

        JsonNode midYear = quota(unitId, "2025-06-30");
        assertThat(statuses(midYear)).containsExactly("ENDED", "ENDED", "NOT_STARTED", "NOT_STARTED");
        assertThat(quarter(midYear, 1).path("met").asBoolean()).isTrue();
        assertThat(quarter(midYear, 2).path("letters").asLong()).isEqualTo(6);
        assertThat(quarter(midYear, 2).path("records").asLong()).isEqualTo(6);
        assertThat(quarter(midYear, 2).path("met").asBoolean()).as("6 + 6 < 13").isFalse();
        assertThat(quarter(midYear, 2).path("cumulativeLetters").asLong()).isEqualTo(19);
        assertThat(quarter(midYear, 2).path("cumulativeRecords").asLong()).isEqualTo(6);
        assertThat(midYear.path("onTrack").asBoolean()).as("25 by the end of Q2 reaches ⌈50 × 2 / 4⌉ = 25").isTrue();

        JsonNode afterQ3 = quota(unitId, "2025-09-30");
        assertThat(quarter(afterQ3, 3).path("met").asBoolean()).isTrue();
        assertThat(afterQ3.path("onTrack").asBoolean()).as("38 reaches ⌈37.5⌉").isTrue();
        assertThat(afterQ3.path("annualMet").asBoolean()).isFalse();

        JsonNode yearEnd = quota(unitId, "2025-12-31");
        assertThat(statuses(yearEnd)).containsExactly("ENDED", "ENDED", "ENDED", "ENDED");
        assertThat(yearEnd.path("letters").asLong()).isEqualTo(31);
        assertThat(yearEnd.path("records").asLong()).isEqualTo(19);
        assertThat(yearEnd.path("annualMet").asBoolean()).isTrue();
        assertThat(yearEnd.path("onTrack").asBoolean()).isTrue();

        String behind = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix + "-b");
        letters(behind, 12, shanghai("2025-02-15T09:00"));
        letters(behind, 30, shanghai("2025-04-10T09:00"));
        JsonNode april = quota(behind, "2025-04-15");
        assertThat(statuses(april)).containsExactly("ENDED", "CURRENT", "NOT_STARTED", "NOT_STARTED");
        assertThat(april.path("letters").asLong()).isEqualTo(42);
        assertThat(april.path("onTrack").asBoolean()).as("12 by the end of Q1 is short of 13; Q2 does not count yet").isFalse();
        assertThat(quarter(april, 4).path("cumulativeLetters").asLong()).isEqualTo(42);
    }

    @Test
    void withoutAQuarterlyRuleQuartersShowCountsButNoRequirement() {
        String unitId = events.unitWithTarget(Guangyuan2025.METEOROLOGY, suffix);
        List<CommitmentId> posted = letters(unitId, 2, shanghai("2025-02-01T09:00"));
        fulfil(unitId, posted.subList(0, 1), shanghai("2025-07-01T09:00"));

        JsonNode quota = quota(unitId, "2025-12-31");
        assertThat(quota.path("annualTarget").asInt()).isEqualTo(15);
        assertThat(quota.path("quarterlyRule").asBoolean()).isFalse();
        assertThat(quarter(quota, 1).path("letters").asLong()).isEqualTo(2);
        assertThat(quarter(quota, 3).path("records").asLong()).isEqualTo(1);
        for (JsonNode quarter : quota.path("quarters")) {
            assertThat(quarter.has("required")).isFalse();
            assertThat(quarter.has("met")).isFalse();
        }
        assertThat(quota.path("annualMet").asBoolean()).isFalse();
    }

    @Test
    void asOfCountsEverythingRecordedUpToTheEndOfThatDayAndNothingAfter() {
        String unitId = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);
        CommitmentId id = events.letter(unitId, shanghai("2025-05-10T23:59"));
        events.fulfilled(id, unitId, shanghai("2025-05-11T00:00"));

        assertThat(quota(unitId, "2025-05-09").path("letters").asLong()).isZero();
        JsonNode tenth = quota(unitId, "2025-05-10");
        assertThat(tenth.path("letters").asLong()).isEqualTo(1);
        assertThat(tenth.path("records").asLong()).isZero();
        assertThat(tenth.path("asOf").asText()).isEqualTo("2025-05-10");
        assertThat(quota(unitId, "2025-05-11").path("records").asLong()).isEqualTo(1);

        Api.Response today = api.as(keys.inspector()).get("/api/v1/units/" + unitId + "/quota/2025");
        assertThat(today.status()).isEqualTo(200);
        assertThat(today.json().path("asOf").asText()).isEqualTo(LocalDate.now(LedgerEvents.SHANGHAI).toString());
    }

    @Test
    void overviewListsEveryUnitWithATargetForTheYearInUnitOrder() {
        String education = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);
        String meteorology = events.unitWithTarget(Guangyuan2025.METEOROLOGY, suffix);
        String only2024 = "gy-forestry-" + suffix;
        events.unitRegistered(only2024, "市林业局", UnitKind.MUNICIPAL_DEPARTMENT, shanghai("2025-01-01T09:00"));
        events.target(only2024, 2024, 50, QuotaCounting.EACH, true, shanghai("2025-01-01T09:01"));
        letters(education, 3, shanghai("2025-03-03T09:00"));
        letters(meteorology, 1, shanghai("2025-03-04T09:00"));

        Api.Response r = api.as(keys.inspector()).get("/api/v1/quota/2025?asOf=2025-12-31");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().forEach(unit -> ids.add(unit.path("unitId").asText()));
        assertThat(ids).isSorted().contains(education, meteorology).doesNotContain(only2024);
        for (JsonNode unit : r.json()) {
            if (unit.path("unitId").asText().equals(education)) {
                assertThat(unit.path("letters").asLong()).isEqualTo(3);
                assertThat(unit.path("quarters").get(0).path("required").asInt()).isEqualTo(13);
                assertThat(unit.path("asOf").asText()).isEqualTo("2025-12-31");
            }
            if (unit.path("unitId").asText().equals(meteorology)) {
                assertThat(unit.path("letters").asLong()).isEqualTo(1);
                assertThat(unit.path("quarters").get(0).has("required")).isFalse();
            }
        }
        assertThat(api.as(keys.admin()).get("/api/v1/quota/2025").status()).isEqualTo(200);
        assertThat(api.as(keys.clerk(education)).get("/api/v1/quota/2025").status()).isEqualTo(403);
        assertThat(api.as(keys.counter()).get("/api/v1/quota/2025").status()).isEqualTo(403);
    }

    @Test
    void unknownUnitAndMissingTargetAre404() {
        String admin = keys.admin();
        Api.Response unknown = api.as(admin).get("/api/v1/units/gy-nowhere-" + suffix + "/quota/2025");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:not-found");

        String unitId = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);
        Api.Response noTarget = api.as(admin).inEnglish().get("/api/v1/units/" + unitId + "/quota/2026");
        assertThat(noTarget.status()).isEqualTo(404);
        assertThat(noTarget.json().path("detail").asText()).contains("no target for 2026");
    }

    @Test
    void badYearOrAsOfIs400WithTheField() {
        String unitId = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);
        String admin = keys.admin();
        for (String path : List.of("/api/v1/units/" + unitId + "/quota/1999", "/api/v1/units/" + unitId + "/quota/2101",
                "/api/v1/quota/1999")) {
            Api.Response r = api.as(admin).get(path);
            assertThat(r.status()).as(path + " " + r).isEqualTo(400);
            assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("year");
        }
        for (String path : List.of("/api/v1/units/" + unitId + "/quota/2025?asOf=2025-13-01", "/api/v1/quota/2025?asOf=yesterday")) {
            Api.Response r = api.as(admin).get(path);
            assertThat(r.status()).as(path + " " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("asOf");
        }
    }

    @Test
    void aFutureAsOfIsRefusedLikeEveryOtherAsOf() {
        String unitId = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);
        LocalDate today = LocalDate.now(QuotaProjection.BUSINESS_ZONE);
        LocalDate future = today.plusDays(2);   // not tomorrow: around midnight the test and the server may see different days
        String admin = keys.admin();
        for (String path : List.of("/api/v1/units/" + unitId + "/quota/2025?asOf=" + future, "/api/v1/quota/2025?asOf=" + future)) {
            Api.Response r = api.as(admin).get(path);
            assertThat(r.status()).as(path + " " + r).isEqualTo(400);
            assertThat(r.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:validation");
            assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("asOf");
            assertThat(r.json().path("errors").get(0).path("message").asText()).contains("不能晚于今天").contains(today.toString());
        }
        Api.Response asOfToday = api.as(admin).get("/api/v1/units/" + unitId + "/quota/2025?asOf=" + today);
        assertThat(asOfToday.status()).as("today is not the future: " + asOfToday).isEqualTo(200);
    }

    @Test
    void aClerkSeesOnlyItsOwnUnitsQuotaAndCounterNone() {
        String unitId = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);
        String other = events.unitWithTarget(Guangyuan2025.METEOROLOGY, suffix);
        String path = "/api/v1/units/" + unitId + "/quota/2025";

        assertThat(api.as(keys.clerk(unitId)).get(path).status()).isEqualTo(200);
        assertThat(api.as(keys.inspector()).get(path).status()).isEqualTo(200);
        Api.Response otherClerk = api.as(keys.clerk(other)).get(path);
        assertThat(otherClerk.status()).isEqualTo(403);
        assertThat(otherClerk.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:forbidden");
        assertThat(api.as(keys.counter()).get(path).status()).isEqualTo(403);
        assertThat(api.as(keys.listAuthority("市税务局")).get(path).status()).isEqualTo(403);
    }

    private JsonNode quota(String unitId, String asOf) {
        return quota(unitId, 2025, asOf);
    }

    private JsonNode quota(String unitId, int year, String asOf) {
        Api.Response r = api.as(keys.inspector()).get("/api/v1/units/" + unitId + "/quota/" + year + "?asOf=" + asOf);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode quarter(JsonNode quota, int quarter) {
        JsonNode node = quota.path("quarters").get(quarter - 1);
        assertThat(node.path("quarter").asInt()).isEqualTo(quarter);
        return node;
    }

    private static List<String> statuses(JsonNode quota) {
        List<String> statuses = new ArrayList<>();
        quota.path("quarters").forEach(q -> statuses.add(q.path("status").asText()));
        return statuses;
    }

    private List<CommitmentId> letters(String unitId, int count, Instant at) {
        List<CommitmentId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(events.letter(unitId, at));
        }
        return ids;
    }

    private void fulfil(String unitId, List<CommitmentId> ids, Instant at) {
        ids.forEach(id -> events.fulfilled(id, unitId, at));
    }
}
