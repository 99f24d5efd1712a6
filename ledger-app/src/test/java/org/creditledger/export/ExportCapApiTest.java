package org.creditledger.export;

import org.creditledger.LedgerApplication;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.export.Exports.CSV;
import static org.creditledger.export.Exports.XLSX;
import static org.creditledger.export.Exports.csv;
import static org.creditledger.export.Exports.fetch;

/**
 * One exported file holds at most {@code ledger.export.max-rows} rows (here 3): a filter that matches more is refused
 * with a 400 problem that tells the user to narrow it, and a filter within the cap exports every match in one file.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.export.max-rows=3")
// Its own cap needs its own context, a second node on the tests' database: closed afterwards, so it does not hold
// processor segments that the other tests' rebuilds must stop.
@DirtiesContext
class ExportCapApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys apiKeys;

    @Test
    void aFilterMatchingMoreRowsThanOneFileHoldsIsRefusedAndANarrowerOneExportsWhole() {
        TestKeys keys = new TestKeys(apiKeys);
        Api admin = Api.at(port).as(keys.admin());
        Api authority = Api.at(port).as(keys.listAuthority(ExportApiTest.AUTHORITY));
        String small = defineList(admin);
        String large = defineList(admin);
        for (int i = 0; i < 3; i++) {
            assertThat(authority.post("/api/v1/list-entries", ExportApiTest.entry(small, "广元市某某食品有限公司")).status()).isEqualTo(201);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(authority.post("/api/v1/list-entries", ExportApiTest.entry(large, "广元市某某建材有限公司")).status()).isEqualTo(201);
        }

        for (String type : new String[]{CSV, XLSX}) {
            Api.Response refused = fetch(admin, "/api/v1/list-entries?listCode=" + large, type, null);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:validation");
            assertThat(refused.json().path("detail").asText()).contains("4 行", "最多 3 行", "缩小筛选范围");
        }
        assertThat(admin.get("/api/v1/list-entries?listCode=" + large).json().path("totalItems").asInt())
                .as("the JSON answer pages as before").isEqualTo(4);

        assertThat(csv(fetch(admin, "/api/v1/list-entries?listCode=" + small + "&size=1", CSV, null))).hasSize(1 + 3);
    }

    private static String defineList(Api admin) {
        String code = "EXPORT_CAP_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        Api.Response defined = admin.put("/api/v1/lists/" + code, Map.of("name", "市场监督管理严重违法失信名单", "colour", "BLACK",
                "authority", ExportApiTest.AUTHORITY, "legalBasis", "《市场监督管理严重违法失信名单管理办法》(国家市场监督管理总局令第44号)",
                "periodMonths", 36, "earlyRepairAllowed", true, "minMonthsBeforeRepair", 12));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        return code;
    }
}
