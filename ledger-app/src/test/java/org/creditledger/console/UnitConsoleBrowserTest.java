package org.creditledger.console;

import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 单位承诺 in a real browser: a letter refused for a field and then corrected, its outcome recorded from the list; an
 * import with its progress bar and rejected rows; the quota dashboard's chart.
 */
class UnitConsoleBrowserTest extends BrowserTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private String unitId;
    private String clerk;

    @BeforeEach
    void unitWithATarget() {
        unitId = "gy-console-" + UUID.randomUUID().toString().substring(0, 8);
        Api admin = api().as(keys().admin());
        assertThat(admin.put("/api/v1/units/" + unitId, Map.of("name", "广元市某某局", "kind", "MUNICIPAL_DEPARTMENT")).status())
                .isEqualTo(201);
        Api.Response target = admin.put("/api/v1/units/" + unitId + "/targets/" + TODAY.getYear(),
                Map.of("annualTarget", 8, "counting", "EACH", "quarterlyRule", true));
        assertThat(target.status()).as(target.toString()).isEqualTo(200);
        clerk = keys().clerk(unitId);
    }

    @Test
    void aLetterRefusedForItsCodeKeepsWhatWasTypedIsCorrectedAndItsOutcomeRecordedFromTheList() {
        String company = company();
        String mistyped = company.substring(0, 17) + (company.charAt(17) == '0' ? '1' : '0');
        browser.signIn(clerk).go("/console/unit/letters/new");
        browser.select("type", "证明事项告知承诺").select("subjectKind", "法人和非法人组织")
                .type("subjectCode", mistyped).type("subjectName", "广元市某某建材有限公司")
                .type("matter", "建筑业企业资质审批").type("content", "本单位承诺所提交材料真实有效。")
                .click("post-letter");

        assertThat(browser.textOf("subjectCode-error", "校验码")).doesNotContain("Exception");
        WebElement code = browser.until(By.id("subjectCode"));
        assertThat(code.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(code.getAttribute("aria-describedby")).isEqualTo("subjectCode-error");
        assertThat(code.getAttribute("value")).isEqualTo(mistyped);
        assertThat(browser.until(By.id("matter")).getAttribute("value")).isEqualTo("建筑业企业资质审批");
        assertThat(browser.until(By.id("content")).getAttribute("value")).isEqualTo("本单位承诺所提交材料真实有效。");
        assertThat(browser.until(By.id("matter")).getAttribute("aria-invalid")).isNull();

        browser.type("subjectCode", company).click("post-letter");

        assertThat(browser.textOf("posted", "已提交")).isNotEmpty();
        assertThat(browser.text("letter-subject")).contains(company).contains("广元市某某建材有限公司");
        assertThat(browser.text("letter-status")).isEqualTo("已提交");
        String letterId = browser.text("letter-id");

        browser.click("back-to-letters");
        assertThat(browser.textOf("letters", company)).contains("证明事项告知承诺");
        browser.click("record-" + letterId);
        assertThat(browser.textOf("letter-" + letterId, "已履约")).contains("已记录");
        assertThat(api().as(clerk).get("/api/v1/commitments/" + letterId).json().path("status").asText()).isEqualTo("FULFILLED");
        assertThat(download("letters-download")).as("the letters as XLSX").startsWith("PK");
    }

    @Test
    void anImportShowsItsProgressAndTheRejectedRowWithItsSheetLine() throws IOException {
        Path csv = Files.createTempFile("letters-", ".csv");
        Files.writeString(csv, String.join("\n",
                "unitId,type,subjectKind,subjectCode,subjectName,matter,content,signedOn,dueDate",
                unitId + ",OTHER,LEGAL_PERSON," + company() + ",甲公司,事项一,内容一," + TODAY + ",",
                unitId + ",OTHER,LEGAL_PERSON,91510800MA62L3XX1X,乙公司,事项二,内容二," + TODAY + ",",
                unitId + ",OTHER,LEGAL_PERSON," + company() + ",丙公司,事项三,内容三," + TODAY + ","), StandardCharsets.UTF_8);
        try {
            browser.signIn(clerk).go("/console/unit/imports");
            browser.until(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
            browser.click("upload");

            assertThat(browser.textOf("job-state", "已完成")).isEqualTo("已完成");
            assertThat(browser.text("job-counts")).contains("3/3").contains("导入 2 行").contains("未导入 1 行");
            WebElement progress = browser.until(By.id("job-progress"));
            assertThat(progress.getAttribute("value")).isEqualTo(progress.getAttribute("max")).isEqualTo("3");
            WebElement rejected = browser.until(By.cssSelector("#rejected-rows tbody tr"));
            assertThat(rejected.findElement(By.cssSelector("td")).getText()).as("the sheet line of the bad row").isEqualTo("3");
            assertThat(rejected.getText()).contains("代码");
            assertThat(browser.until(By.id("job")).getAttribute("hx-trigger")).as("a finished job is no longer polled").isNull();
            assertThat(download("rejected-download")).startsWith("\uFEFFline,row,field,message").contains("\r\n3,");
            browser.go("/console/unit/imports");
            assertThat(download("template-download")).as("the API's template").startsWith("PK");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void theDashboardDrawsEachQuartersAmountsAgainstAQuarterOfTheTarget() {
        Api.Response posted = api().as(clerk).post("/api/v1/commitments", Map.of("unitId", unitId, "type", "OTHER",
                "subject", Map.of("kind", "LEGAL_PERSON", "code", company(), "name", "广元市某某商贸有限公司"),
                "matter", "食品经营许可", "content", "承诺依法经营。", "signedOn", TODAY.toString()));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);

        browser.signIn(clerk).go("/console/unit");

        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quota-chart svg")));
        assertThat(browser.text("annual-target")).isEqualTo("8");
        assertThat(browser.text("letters-total")).isEqualTo("1");
        assertThat(browser.text("counting-each")).contains("各自");
        assertThat(browser.text("quarters")).contains("第" + ((TODAY.getMonthValue() - 1) / 3 + 1) + "季度");
        assertThat(browser.until(By.cssSelector("#quota-chart svg")).getText()).contains("目标 1/4：2");
        assertThat(browser.until(By.id("quota-download")).getAttribute("href")).contains("/console/unit/quota.xlsx");
        assertThat(download("quota-download")).as("the quota as XLSX").startsWith("PK");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 130)");
    }

    @Test
    void anAdministratorPicksTheUnitAndATargetWithItsSubUnitsShowsTheirLetters() {
        Api admin = api().as(keys().admin());
        String office = unitId + "-sub";
        assertThat(admin.put("/api/v1/units/" + office, Map.of("name", "某某局执法支队", "kind", "MUNICIPAL_DEPARTMENT",
                "parentUnitId", unitId)).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/units/" + unitId + "/targets/" + TODAY.getYear(), Map.of("annualTarget", 8,
                "counting", "COMBINED", "quarterlyRule", true, "includeSubUnits", true)).status()).isEqualTo(200);
        assertThat(api().as(keys().clerk(office)).post("/api/v1/commitments", Map.of("unitId", office, "type", "OTHER",
                "subject", Map.of("kind", "LEGAL_PERSON", "code", company(), "name", "广元市某某餐饮有限公司"),
                "matter", "食品经营许可", "content", "承诺依法经营。", "signedOn", TODAY.toString())).status()).isEqualTo(201);

        browser.signIn(keys().admin()).go("/console/unit");
        assertThat(browser.text("pick-unit")).contains("选择");

        browser.select("unitId", "广元市某某局（" + unitId + "）").click("show-year");

        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quota-chart svg")));
        assertThat(browser.text("annual-target")).isEqualTo("8");
        assertThat(browser.path()).contains("unitId=" + unitId);
        assertThat(browser.text("letters-total")).as("the unit's own").isEqualTo("0");
        assertThat(browser.text("rolled-up")).isEqualTo("1 / 0");
        assertThat(browser.text("quarter-" + ((TODAY.getMonthValue() - 1) / 3 + 1))).as("the quarter counts the sub-unit's letter")
                .startsWith("第" + ((TODAY.getMonthValue() - 1) / 3 + 1) + "季度 1 0");
    }

    /** The file a download link gives, as text. */
    private String download(String linkId) {
        String href = browser.until(By.id(linkId)).getAttribute("href");
        java.net.http.HttpResponse<byte[]> answer = browser.fetch(href);
        assertThat(answer.statusCode()).as(href).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    private static String company() {
        return SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
    }
}
