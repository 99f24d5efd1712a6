package org.creditledger.console;

import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 名单认定 in a real browser: an objection filed through the API, decided from its row; a subject entered by form. */
class AuthorityConsoleBrowserTest extends BrowserTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void anObjectionFiledThroughTheApiIsDecidedInThePageAndTheEntryIsNoLongerDisputed() {
        String suffix = suffix();
        String authority = "广元市市场监督管理局" + suffix;
        String list = "SERIOUS_DISHONESTY_" + suffix;
        defineList(list, authority);
        String authorityKey = keys().listAuthority(authority);
        String company = SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
        Api api = api().as(authorityKey);
        Api.Response entered = api.post("/api/v1/list-entries", Map.of("listCode", list,
                "subject", Map.of("kind", "LEGAL_PERSON", "code", company, "name", "广元市某某食品有限公司"),
                "decisionNo", "广市监信〔2025〕" + suffix, "decidedOn", TODAY.minusDays(90).toString(), "reason", "提供虚假材料",
                "effectiveFrom", TODAY.minusDays(90).toString(), "effectiveUntil", TODAY.plusYears(1).toString()));
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        String entryId = entered.json().path("entryId").asText();
        Api.Response filed = api.post("/api/v1/list-entries/" + entryId + "/objections",
                Map.of("grounds", "材料系他人冒用", "filedOn", TODAY.minusDays(60).toString()));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String objectionId = filed.json().path("objectionId").asText();
        // filed 60 days ago: its 15 working days have passed, and the ledger's own deadline flags it overdue
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(api.get("/api/v1/list-entries/" + entryId).json().path("objectionOverdue").asBoolean()).isTrue());

        signIn(authorityKey).go("/console/authority");
        assertThat(browser.textOf("entry-" + entryId, "异议中")).contains("广元市某某食品有限公司").contains("在列")
                .contains("异议逾期未决");

        browser.click("pending-link");
        assertThat(browser.text("pending-" + objectionId)).contains("异议").contains(list);
        assertThat(browser.text("deadline-" + objectionId)).contains("已逾期");
        assertThat(browser.until(By.id("deadline-" + objectionId)).getAttribute("class")).contains("overdue");
        assertThat(browser.until(By.id("deadline-" + objectionId)).getCssValue("color")).as("overdue in red")
                .isEqualTo("rgba(180, 35, 24, 1)");
        browser.screenshot(getClass().getSimpleName() + "-pending");
        browser.type("reason-" + objectionId, "经核实材料由本企业提交，异议不成立").click("reject-" + objectionId);

        assertThat(browser.textOf("decided-" + objectionId, "异议不成立")).contains("已决定");
        browser.click("decided-entry-" + objectionId);
        assertThat(browser.textOf("history", "异议不成立")).contains("经核实材料由本企业提交").contains("提出异议");
        assertThat(browser.text("entry-status")).contains("在列").doesNotContain("异议中");
    }

    @Test
    void aSubjectIsEnteredByFormAfterAMistypedCodeIsShownNextToItsField() {
        String suffix = suffix();
        String authority = "广元市税务局" + suffix;
        String list = "TAX_DISHONESTY_" + suffix;
        defineList(list, authority);
        String company = SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);

        signIn(keys().listAuthority(authority)).go("/console/authority");
        browser.click("enter-link");
        browser.type("subjectCode", "91510800MA62L3XX1X").type("subjectName", "广元市某某商贸有限公司")
                .type("decisionNo", "广税稽罚〔2025〕" + suffix).type("reason", "逃避追缴欠税");
        date("decidedOn", TODAY);
        date("effectiveFrom", TODAY);
        browser.click("enter");

        assertThat(browser.textOf("subjectCode-error", "代码")).isNotBlank();
        assertThat(browser.until(org.openqa.selenium.By.id("subjectCode")).getAttribute("aria-invalid")).as("read out by a screen reader")
                .isEqualTo("true");
        assertThat(browser.until(org.openqa.selenium.By.id("subjectCode")).getAttribute("aria-describedby")).isEqualTo("subjectCode-error");
        browser.type("subjectCode", company).click("enter");

        assertThat(browser.textOf("done", "已列入")).isNotBlank();
        assertThat(browser.text("entry-subject-code")).isEqualTo(company);
        assertThat(browser.text("entry-status")).contains("在列");

        browser.select("exitReason", "撤销").type("note", "复议撤销原决定").click("exit");
        assertThat(browser.textOf("problem", "撤销")).as("a revocation names its document").isNotBlank();
        browser.type("documentNo", "广税复决〔2025〕" + suffix).click("exit");
        assertThat(browser.textOf("done", "已移出")).isNotBlank();
        assertThat(browser.text("entry-status")).contains("已移出").contains("撤销");
    }

    private void defineList(String list, String authority) {
        Api.Response defined = api().as(keys().admin()).put("/api/v1/lists/" + list, Map.of("name", "严重失信主体名单",
                "colour", "BLACK", "authority", authority, "legalBasis", "《市场监督管理严重违法失信名单管理办法》",
                "periodMonths", 36, "earlyRepairAllowed", true));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
    }

    /** A date input filled as the picker would (typing into one depends on the browser's locale). */
    private void date(String id, LocalDate date) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, date.toString());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** Signs in and waits for the signed-in page, so the next navigation does not race the sign-in's redirect. */
    private Browser signIn(String apiKey) {
        browser.signIn(apiKey).until(By.id("who"));
        return browser;
    }
}
