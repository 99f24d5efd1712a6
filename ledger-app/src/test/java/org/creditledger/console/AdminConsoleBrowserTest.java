package org.creditledger.console;

import org.creditledger.testing.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 系统管理 and 全市概览 in a real browser: a key issued (its secret shown once) and revoked, after which it signs in no
 * more; the city overview colouring each unit by its standing, and its XLSX; units, catalogue and a list's history;
 * a projection rebuilt with its progress.
 */
class AdminConsoleBrowserTest extends BrowserTest {

    @Autowired
    DataSource dataSource;

    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @Test
    void aKeyIssuedShowsItsSecretOnceAndOnceRevokedItSignsInNoMore() {
        String name = "窗口测试密钥-" + UUID.randomUUID().toString().substring(0, 6);
        browser.signIn(keys().admin()).go("/console/admin/keys");
        browser.type("name", name).select("role", "政务服务窗口").click("issue");

        assertThat(browser.textOf("secret-warning", "只显示这一次")).contains("只显示这一次");
        String secret = browser.text("secret");
        String keyId = browser.text("issued-key-id");
        assertThat(secret).isNotBlank();
        browser.screenshot("AdminConsoleBrowserTest-theSecretShownOnce");
        assertThat(api().as(secret).get("/api/v1/vocabulary").status()).as("the secret shown is the key's").isEqualTo(200);

        browser.driver().navigate().refresh();
        assertThat(browser.textOf("secret-gone", "只在发放后显示一次")).doesNotContain(secret);
        assertThat(browser.driver().getPageSource()).as("a reload never shows the secret again").doesNotContain(secret);

        browser.go("/console/admin/keys");
        assertThat(browser.text("key-" + keyId)).contains(name).contains("政务服务窗口").contains("有效");
        browser.click("revoke-" + keyId);
        assertThat(browser.textOf("revoke-confirm", "确定吊销")).contains(name);
        assertThat(api().as(secret).get("/api/v1/vocabulary").status()).as("nothing is revoked before the second step").isEqualTo(200);
        browser.click("revoke-confirmed");
        assertThat(browser.textOf("revoked-notice", keyId)).contains("已吊销");
        assertThat(browser.text("key-" + keyId)).contains("吊销");
        assertThat(api().as(secret).get("/api/v1/vocabulary").status()).isEqualTo(401);

        browser.click("sign-out");
        browser.signIn(secret);
        assertThat(browser.textOf("sign-in-error", "API 密钥无效")).contains("API 密钥无效");
    }

    @Test
    void aKeyForAUnitClerkWithoutAUnitIsRefusedNextToTheField() {
        browser.signIn(keys().admin()).go("/console/admin/keys");
        browser.type("name", "缺少单位的经办人").select("role", "考核单位经办人").click("issue");

        assertThat(browser.textOf("problem", "单位")).doesNotContain("Exception");
        assertThat(browser.until(By.id("name")).getAttribute("value")).isEqualTo("缺少单位的经办人");
        assertThat(browser.driver().findElements(By.id("secret"))).isEmpty();
    }

    @Test
    void theCityOverviewColoursEachUnitByItsStandingAndDownloadsAsXlsx() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String met = "gy-ovm-" + suffix;
        String behind = "gy-ovb-" + suffix;
        String none = "gy-ovn-" + suffix;
        Api admin = api().as(keys().admin());
        assertThat(admin.put("/api/v1/units/" + met, Map.of("name", "苍溪县", "kind", "COUNTY")).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/units/" + behind, Map.of("name", "剑阁县", "kind", "COUNTY")).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/units/" + none, Map.of("name", "旺苍县", "kind", "COUNTY")).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/units/" + met + "/targets/" + YEAR,
                Map.of("annualTarget", 1, "counting", "COMBINED", "quarterlyRule", false)).status()).isIn(200, 201);
        assertThat(admin.put("/api/v1/units/" + behind + "/targets/" + YEAR,
                Map.of("annualTarget", 20000, "counting", "EACH", "quarterlyRule", true)).status()).isIn(200, 201);
        Api.Response posted = api().as(keys().clerk(met)).post("/api/v1/commitments", """
                {"unitId": "%s", "type": "NOTIFICATION_IN_LIEU_OF_CERTIFICATE",
                 "subject": {"kind": "LEGAL_PERSON", "code": "%s", "name": "广元市某某建材有限公司"},
                 "matter": "食品经营许可", "content": "本单位承诺所提交材料真实有效", "signedOn": "2025-03-01"}"""
                .formatted(met, org.creditledger.subject.SubjectCodes.usccFor(
                        java.util.concurrent.ThreadLocalRandom.current().nextLong(org.creditledger.subject.SubjectCodes.USCC_FOR_LIMIT), false)));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);

        browser.signIn(keys().inspector()).go("/console/overview?year=" + YEAR);

        assertThat(browser.textOf("unit-" + met, "已完成")).contains("苍溪县");
        assertThat(browser.until(By.id("unit-" + met)).getAttribute("class")).contains("ok");
        assertThat(browser.until(By.cssSelector("#unit-" + met + " td")).getCssValue("background-color")).isEqualTo("rgba(230, 244, 234, 1)");
        if (LocalDate.now(ZoneId.of("Asia/Shanghai")).getMonthValue() > 3) { // a quarter has ended: 20000 letters are not there
            assertThat(browser.text("unit-" + behind)).contains("剑阁县").contains("进度落后");
            assertThat(browser.until(By.id("unit-" + behind)).getAttribute("class")).contains("behind");
            assertThat(browser.until(By.cssSelector("#unit-" + behind + " td")).getCssValue("background-color")).isEqualTo("rgba(253, 236, 234, 1)");
        }
        assertThat(browser.text("unit-" + none)).contains("旺苍县").contains("未下达目标");
        assertThat(browser.until(By.id("unit-" + none)).getAttribute("class")).contains("none");

        HttpResponse<byte[]> xlsx = browser.fetch("/console/overview/" + YEAR + ".xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment").contains("filename*=UTF-8''");
        assertThat(new String(xlsx.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).as("a zip: XLSX").isEqualTo("PK");
        browser.go("/console/overview?year=" + YEAR);
        browser.until(By.id("unit-" + met));
    }

    @Test
    void theAdministratorSeesUnitsWithTargetsAndTheCatalogueWithItsHistory() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String unit = "gy-adm-" + suffix.toLowerCase().substring(0, 6);
        String list = "ADMIN_VIEW_" + suffix;
        Api admin = api().as(keys().admin());
        assertThat(admin.put("/api/v1/units/" + unit, Map.of("name", "广元市林业局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/units/" + unit + "/targets/" + YEAR,
                Map.of("annualTarget", 400, "counting", "EACH", "quarterlyRule", true)).status()).isIn(200, 201);
        Map<String, Object> definition = Map.of("name", "失信被执行人名单", "colour", "BLACK", "authority", "最高人民法院",
                "legalBasis", "《最高人民法院关于公布失信被执行人名单信息的若干规定》", "periodMonths", 24, "earlyRepairAllowed", true);
        assertThat(admin.put("/api/v1/lists/" + list, definition).status()).isEqualTo(201);
        Map<String, Object> longer = new java.util.HashMap<>(definition);
        longer.put("periodMonths", 36);
        assertThat(admin.put("/api/v1/lists/" + list, longer).status()).isEqualTo(200);

        browser.signIn(keys().admin()).go("/console/admin");
        assertThat(browser.textOf("unit-" + unit, "广元市林业局")).contains(YEAR + " 年：400 份").contains("每季度");

        browser.click("tab-catalogue");
        assertThat(browser.textOf("list-" + list, "失信被执行人名单")).contains("最高人民法院").contains("36");
        browser.driver().findElement(By.cssSelector("#list-" + list + " a")).click();
        assertThat(browser.textOf("history", "36")).contains("24");
    }

    @Test
    void aProjectionIsRebuiltWithItsProgressShownUntilDone() {
        browser.signIn(keys().admin()).go("/console/admin/projections");
        assertThat(browser.textOf("projection-units", "units")).contains("运行中");

        // the row may still show an earlier rebuild of units (other tests rebuild it too): wait for this one's end
        String earlier = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "var s = document.getElementById('rebuild-state-units'); return s ? s.dataset.rebuildId : null;");
        browser.click("rebuild-button-units");

        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20)).until(driver ->
                (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "var s = document.getElementById('rebuild-state-units');"
                                + " return !!s && s.dataset.rebuildId !== arguments[0] && s.textContent.indexOf('重建完成') >= 0;", earlier));
        // read in one step: htmx may redraw the row between two reads of the same element
        Object full = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "var p = document.getElementById('rebuild-progress-units'); return p.value === p.max && p.max > 0;");
        assertThat(full).as("the progress bar is full").isEqualTo(true);
    }

    /**
     * A rebuild too slow to finish before the page is drawn: one running on "another node" (its lock held here, its
     * row written here, as ProjectionRebuildApiTest does). The page polls it and shows it done without a reload.
     */
    @Test
    void aRunningRebuildsProgressIsPolledUntilItIsDone() throws Exception {
        String name = "check-stats";
        UUID rebuildId = UUID.randomUUID();
        try (Connection otherNode = dataSource.getConnection();
             PreparedStatement lock = otherNode.prepareStatement("select pg_advisory_lock(1380076612, hashtext(?))")) {
            lock.setString(1, name);
            lock.execute();
            try {
                jdbc.sql("""
                                insert into projection_rebuild (rebuild_id, name, state, total_events, processed_events, requested_by, started_at)
                                values (?, ?, 'RUNNING', 10, 4, 'another node', now())""")
                        .param(rebuildId).param(name).update();

                browser.signIn(keys().admin()).go("/console/admin/projections");
                assertThat(browser.textOf("rebuild-state-" + name, "重建中")).contains("4 / 10");
                assertThat(browser.until(By.id("rebuild-" + name)).getAttribute("hx-get")).endsWith("/projections/" + name + "/rebuild");
                assertThat(browser.driver().findElements(By.id("rebuild-button-" + name))).as("no second rebuild while one runs").isEmpty();
                browser.screenshot("AdminConsoleBrowserTest-aRebuildRunning");

                jdbc.sql("update projection_rebuild set processed_events = 7 where rebuild_id = ?").param(rebuildId).update();
                assertThat(browser.textOf("rebuild-state-" + name, "7 / 10")).contains("重建中");
                jdbc.sql("update projection_rebuild set state = 'DONE', processed_events = 10, finished_at = now() where rebuild_id = ?")
                        .param(rebuildId).update();
            } finally {
                try (PreparedStatement unlock = otherNode.prepareStatement("select pg_advisory_unlock(1380076612, hashtext(?))")) {
                    unlock.setString(1, name);
                    unlock.execute();
                }
            }
        }
        assertThat(browser.textOf("rebuild-state-" + name, "重建完成")).contains("10");
        assertThat(browser.until(By.id("rebuild-" + name)).getAttribute("hx-get")).as("polling stops when done").isNull();
        browser.until(By.id("rebuild-button-" + name));
    }
}
