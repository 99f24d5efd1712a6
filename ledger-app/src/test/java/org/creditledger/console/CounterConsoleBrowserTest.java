package org.creditledger.console;

import org.creditledger.subject.SubjectCodes;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** 窗口核查 in a real browser: a listed and an unlisted subject, the verdict card, the printed receipt. */
class CounterConsoleBrowserTest extends BrowserTest {


    @Test
    void aListedSubjectIsRestrictedWithItsEntryAndMeasureAndTheReceiptPrints() {
        ListedCompany listed = listedCompany();
        String suffix = listed.suffix();
        String list = listed.listCode();
        String company = listed.code();

        browser.signIn(keys().counter("gy-zwfw")).go("/console/counter");
        browser.type("subjectCode", company).select("domain", "评优评先").type("matter", "年度先进集体评选").click("check");

        assertThat(browser.textOf("verdict-label", "限制")).isEqualTo("限制");
        assertThat(browser.text("receipt-entries")).contains(list).contains("(2025)川08执" + suffix);
        assertThat(browser.text("receipt-measures")).contains("不得参加评优评先").contains("发改财金〔2016〕141号");
        String receiptId = browser.text("receipt-id");

        browser.click("receipt-link");
        assertThat(browser.textOf("main", "核查回执")).contains(receiptId).contains("gy-zwfw").contains("不得参加评优评先");
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.until(By.id("print")).isDisplayed()).as("buttons are not printed").isFalse();
        assertThat(browser.until(By.id("sign-out")).isDisplayed()).as("nor the menu").isFalse();
        assertThat(browser.until(By.id("receipt-title")).isDisplayed()).as("the printed page says what it is").isTrue();
    }

    @Test
    void anUnlistedSubjectIsClearAndTheFormWorksByKeyboardAlone() {
        String company = SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
        browser.signIn(keys().counter("gy-zwfw")).go("/console/counter");

        // the code field has the focus; Enter submits the form
        browser.driver().switchTo().activeElement().sendKeys(company + org.openqa.selenium.Keys.ENTER);

        assertThat(browser.textOf("verdict-label", "通过")).isEqualTo("通过");
        assertThat(browser.text("receipt")).contains("不在任何红名单或黑名单上");
        String first = browser.text("receipt-id");

        // the next subject, from the same form: a check of its own, not the first one replayed
        String next = SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
        browser.type("subjectCode", next).click("check");
        assertThat(browser.textOf("receipt-subject", next)).isEqualTo(next);
        assertThat(browser.text("receipt-id")).isNotEqualTo(first);
    }

    @Test
    void aMistypedCodeIsRefusedWithTheApisChineseProblem() {
        browser.signIn(keys().counter()).go("/console/counter");
        browser.type("subjectCode", "91510800MA62L3XX1X").click("check");

        assertThat(browser.textOf("problem", "代码")).doesNotContain("Exception");
    }

    @Test
    void aBatchFromAnUploadedFileIsCheckedShownAndDownloadedAsExcel() throws Exception {
        String first = SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
        String second = SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("batch-", ".csv");
        // as Excel on a Chinese Windows saves it: GB18030, a header, one mistyped code
        java.nio.file.Files.write(file, ("主体代码,备注\r\n" + first + ",甲\r\n91510800MA62L3XX1X,乙\r\n" + second + ",丙\r\n")
                .getBytes(java.nio.charset.Charset.forName("GB18030")));
        browser.signIn(keys().counter("gy-zwfw")).go("/console/counter/batch");

        browser.until(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.select("domain", "评优评先").click("check-batch");

        assertThat(browser.textOf("batch-summary", "已核查 2 个")).contains("无法核查 1 个");
        String table = browser.text("batch-results");
        assertThat(table).contains(first).contains(second).contains("通过").contains("91510800MA62L3XX1X");
        java.net.http.HttpResponse<byte[]> sheet = browser.fetch(browser.until(By.id("batch-download")).getAttribute("href"));
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(sheet.body()))) {
            var rows = workbook.getSheetAt(0);
            assertThat(rows.getRow(0).getCell(1).getStringCellValue()).isEqualTo("主体代码");
            assertThat(rows.getLastRowNum()).as("a header and three results").isEqualTo(3);
            assertThat(rows.getRow(1).getCell(1).getStringCellValue()).isEqualTo(first);
            assertThat(rows.getRow(1).getCell(2).getStringCellValue()).isEqualTo("通过");
            assertThat(rows.getRow(2).getCell(6).getStringCellValue()).as("why the mistyped code was not checked").isNotBlank();
        }
        java.nio.file.Files.delete(file);
    }
}
