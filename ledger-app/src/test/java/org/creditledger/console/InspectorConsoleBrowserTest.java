package org.creditledger.console;

import org.creditledger.testing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 监督核查 in a real browser: a recorded check reproduced side by side, the state now, the chain verified. */
class InspectorConsoleBrowserTest extends BrowserTest {


    @Test
    void anInspectorReproducesARecordedCheckAndBothAnswersAgree() {
        ListedCompany listed = listedCompany();
        String suffix = listed.suffix();
        String list = listed.listCode();
        String company = listed.code();
        // a live check answers from what the check projection has processed (its ledgerPosition); the check to
        // reproduce is one answered once the entry was processed
        AtomicReference<String> checkId = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Api.Response checked = api().as(keys().counter("gy-zwfw")).post("/api/v1/checks",
                    Map.of("subjectCode", company, "domain", "HONOURS", "matter", "年度先进集体评选"));
            assertThat(checked.status()).as(checked.toString()).isEqualTo(201);
            assertThat(checked.json().path("verdict").asText()).isEqualTo("RESTRICT");
            checkId.set(checked.json().path("checkId").asText());
        });

        signIn(keys().inspector()).go("/console/inspector");
        browser.type("code", company).click("find-button");
        assertThat(browser.textOf("timeline", "列入名单")).contains("窗口核查").contains("POST /api/v1/list-entries");

        // the picker's wall-clock time is Beijing time: now there shows the entry, a day earlier nothing
        pick("asOf", LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.SECONDS));
        browser.click("show-state");
        assertThat(browser.textOf("state-entries", list)).contains("(2025)川08执" + suffix);
        pick("asOf", LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(1).truncatedTo(ChronoUnit.SECONDS));
        browser.click("show-state");
        assertThat(browser.until(By.id("state-no-entries")).getText()).contains("不在任何");

        String href = browser.until(By.id("dispute-package")).getAttribute("href");
        HttpResponse<byte[]> download = browser.fetch(href);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains(company + ".zip");
        assertThat(download.body()).startsWith((byte) 'P', (byte) 'K');

        browser.click("reproduce-" + checkId.get());
        assertThat(browser.textOf("reproduction-result", "一致")).contains("两次答复一致");
        assertThat(browser.text("verdict-recorded")).isEqualTo("限制");
        assertThat(browser.text("verdict-again")).isEqualTo("限制");
        assertThat(browser.text("answer-recorded")).contains(checkId.get()).contains(list);
        assertThat(browser.text("entries-again")).isEqualTo(browser.text("entries-recorded"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('reproduction').scrollIntoView()");
    }

    /** A date-time input set as its picker would (typing into one depends on the browser's locale). */
    private void pick(String id, LocalDateTime value) {
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
                id, value.toString());
    }

    @Test
    void theChainIsVerifiedFromThePage() {
        signIn(keys().inspector()).go("/console/inspector");
        browser.click("verify");

        assertThat(browser.textOf("verification-result", "完整")).isEqualTo("完整");
        assertThat(browser.text("chain-digest")).matches("[0-9a-f]{64}");
    }

    /** Signs in and waits for the signed-in page, so the next navigation does not race the sign-in's redirect. */
    private Browser signIn(String apiKey) {
        browser.signIn(apiKey).until(By.id("who"));
        return browser;
    }
}
