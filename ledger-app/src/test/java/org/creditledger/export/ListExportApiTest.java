package org.creditledger.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.creditledger.LedgerHttpTest;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.creditledger.export.Exports.CSV;
import static org.creditledger.export.Exports.XLSX;
import static org.creditledger.export.Exports.assertChineseHeaders;
import static org.creditledger.export.Exports.cell;
import static org.creditledger.export.Exports.csv;
import static org.creditledger.export.Exports.fetch;
import static org.creditledger.export.Exports.headers;
import static org.creditledger.export.Exports.values;
import static org.creditledger.export.Exports.xlsx;
import static org.creditledger.subject.SubjectCodes.USCC_FOR_LIMIT;
import static org.creditledger.subject.SubjectCodes.usccFor;

/** A unit's letters, imports and joint-action cases, exported as the JSON lists them, under Chinese headers. */
class ListExportApiTest extends LedgerHttpTest {

    static final String AUTHORITY = "国家市场监督管理总局";

    Api admin;
    Api clerk;
    String unit;
    String suffix;

    @BeforeEach
    void setUp() {
        admin = api().as(keys().admin());
        suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        unit = "gy-export-list-" + suffix;
        assertThat(admin.put("/api/v1/units/" + unit, Map.of("name", "苍溪县市场监管局", "kind", "COUNTY")).status()).isEqualTo(201);
        clerk = api().as(keys().clerk(unit));
    }

    @Test
    void aUnitsLettersExportWithTheirLetterNumbersUnderChineseHeaders() {
        for (String letterNo : List.of("苍市监承〔2025〕1号", "苍市监承〔2025〕2号")) {
            Map<String, Object> body = new HashMap<>(Map.of("unitId", unit, "type", "NOTIFICATION_IN_LIEU_OF_CERTIFICATE",
                    "subject", Map.of("kind", "LEGAL_PERSON", "code", usccFor(ThreadLocalRandom.current().nextLong(USCC_FOR_LIMIT), false),
                            "name", "苍溪县某某食品有限公司"),
                    "matter", "食品经营许可", "content", "本单位承诺所提交材料真实有效", "signedOn", "2025-03-01", "letterNo", letterNo));
            assertThat(clerk.post("/api/v1/commitments", body).status()).isEqualTo(201);
        }
        JsonNode json = clerk.get("/api/v1/commitments").json();

        List<CSVRecord> rows = csv(fetch(clerk, "/api/v1/commitments?size=1", CSV, null));

        assertChineseHeaders(values(rows.get(0)));
        assertThat(rows).as("header and every letter, not one page").hasSize(3);
        for (int row = 1; row <= 2; row++) {
            JsonNode item = json.path("items").get(row - 1);
            assertThat(cell(rows, row, "信用承诺记录编号")).isEqualTo(item.path("commitmentId").asText());
            assertThat(cell(rows, row, "承诺书编号")).isEqualTo(item.path("letterNo").asText());
            assertThat(cell(rows, row, "承诺类型")).isEqualTo("证明事项告知承诺");
        }
    }

    @Test
    void aUnitsImportsAndCasesExportUnderChineseHeaders() {
        String csvFile = "unitId,type,subjectKind,subjectCode,subjectName,matter,content,signedOn,dueDate\n" + unit
                + ",OTHER,LEGAL_PERSON," + usccFor(ThreadLocalRandom.current().nextLong(USCC_FOR_LIMIT), false)
                + ",苍溪县某某食品有限公司,食品经营许可,本单位承诺所提交材料真实有效,2025-03-01,\n";
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csvFile.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "三月.csv";
            }
        });
        String importId = clerk.exchange(HttpMethod.POST, "/api/v1/commitments/imports", parts, h -> { }).json().path("importId").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> !Set.of("QUEUED", "RUNNING")
                .contains(clerk.get("/api/v1/commitments/imports/" + importId).json().path("state").asText()));

        Sheet imports = xlsx(fetch(clerk, "/api/v1/commitments/imports", XLSX, null));
        assertChineseHeaders(headers(imports));
        assertThat(imports.getLastRowNum()).isEqualTo(1);
        assertThat(cell(imports, 1, "导入批次编号").getStringCellValue()).isEqualTo(importId);
        assertThat(cell(imports, 1, "文件名").getStringCellValue()).isEqualTo("三月.csv");
        assertThat(cell(imports, 1, "成功行数").getNumericCellValue()).isEqualTo(1.0);

        String listCode = "EXPORT_MARKET_" + suffix.toUpperCase();
        String measureCode = "EXPORT_RESTRICT_" + suffix.toUpperCase();
        assertThat(admin.put("/api/v1/lists/" + listCode, Map.of("name", "市场监督管理严重违法失信名单", "colour", "BLACK",
                "authority", AUTHORITY, "legalBasis", "《市场监督管理严重违法失信名单管理办法》", "periodMonths", 36,
                "earlyRepairAllowed", true, "minMonthsBeforeRepair", 12)).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/measures/" + measureCode, Map.of("name", "限制参加评优评先", "kind", "PUNISHMENT", "domain", "HONOURS",
                "scope", "NATIONAL_BASE", "legalBasis", "国发〔2016〕33号", "listCodes", List.of(listCode))).status()).isEqualTo(201);
        Api.Response entered = api().as(keys().listAuthority(AUTHORITY)).post("/api/v1/list-entries", Map.of("listCode", listCode,
                "subject", Map.of("kind", "LEGAL_PERSON", "code", usccFor(ThreadLocalRandom.current().nextLong(USCC_FOR_LIMIT), false), "name", "苍溪县某某建材有限公司"),
                "decisionNo", "市监严失〔2024〕1号", "decidedOn", "2024-06-03", "reason", "严重违法失信", "effectiveFrom", "2024-06-03"));
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        Api.Response recorded = clerk.post("/api/v1/joint-actions", Map.of("entryId", entered.json().path("entryId").asText(),
                "measureCode", measureCode, "unitId", unit, "matter", "县级文明单位评选", "takenOn", "2025-03-01", "result", "取消其参评资格"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);

        List<CSVRecord> cases = csv(fetch(clerk, "/api/v1/joint-actions", CSV, null));
        assertChineseHeaders(values(cases.get(0)));
        assertThat(cases).hasSize(2);
        assertThat(cell(cases, 1, "联合奖惩案例编号")).isEqualTo(recorded.json().path("jointActionId").asText());
        assertThat(cell(cases, 1, "实施结果")).isEqualTo("取消其参评资格");
        assertThat(cell(cases, 1, "措施类别")).isEqualTo("失信惩戒措施");
    }
}
