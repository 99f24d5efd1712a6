package org.creditledger.console;

import org.creditledger.LedgerHttpTest;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the console's tests in a real browser: each test gets a fresh Chromium (no cookies from another test) and
 * leaves a screenshot of its last page in {@code target/screenshots/<class>-<test>.png}.
 */
@ExtendWith(Browser.Installed.class)
abstract class BrowserTest extends LedgerHttpTest {

    protected Browser browser;
    private String name;

    @BeforeEach
    void openBrowser(TestInfo test) {
        browser = Browser.open(port);
        name = getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName();
    }

    /** A company on a fresh black list of 最高人民法院, in force for six months, with one HONOURS punishment measure. */
    protected record ListedCompany(String suffix, String listCode, String code) {
    }

    protected ListedCompany listedCompany() {
        String court = "最高人民法院";
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String list = "DISHONEST_DEBTOR_" + suffix;
        Api admin = api().as(keys().admin());
        assertThat(admin.put("/api/v1/lists/" + list, Map.of("name", "失信被执行人名单", "colour", "BLACK", "authority", court,
                "legalBasis", "《最高人民法院关于公布失信被执行人名单信息的若干规定》", "periodMonths", 24,
                "earlyRepairAllowed", true)).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/measures/NO_HONOURS_" + suffix, Map.of("name", "不得参加评优评先", "kind", "PUNISHMENT",
                "domain", "HONOURS", "scope", "NATIONAL_BASE", "legalBasis", "发改财金〔2016〕141号",
                "listCodes", List.of(list))).status()).isEqualTo(201);
        String company = SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
        Api.Response entered = api().as(keys().listAuthority(court)).post("/api/v1/list-entries", Map.of(
                "listCode", list, "subject", Map.of("kind", "LEGAL_PERSON", "code", company, "name", "广元市某某建材有限公司"),
                "decisionNo", "(2025)川08执" + suffix, "decidedOn", today.toString(), "reason", "有履行能力而拒不履行",
                "effectiveFrom", today.toString(), "effectiveUntil", today.plusMonths(6).toString()));
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        return new ListedCompany(suffix, list, company);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            try {
                browser.screenshot(name);
            } finally {
                browser.close();
            }
        }
    }
}
