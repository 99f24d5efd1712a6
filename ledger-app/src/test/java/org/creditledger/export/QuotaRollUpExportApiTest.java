package org.creditledger.export;

import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.creditledger.LedgerHttpTest;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.export.Exports.CSV;
import static org.creditledger.export.Exports.XLSX;
import static org.creditledger.export.Exports.assertChineseHeaders;
import static org.creditledger.export.Exports.cell;
import static org.creditledger.export.Exports.csv;
import static org.creditledger.export.Exports.fetch;
import static org.creditledger.export.Exports.headers;
import static org.creditledger.export.Exports.values;
import static org.creditledger.export.Exports.xlsx;

/** The city overview exported with each unit's own and rolled-up figures side by side, under Chinese headers. */
class QuotaRollUpExportApiTest extends LedgerHttpTest {

    @Test
    void theOverviewExportShowsOwnAndRolledUpFiguresAndTheRatioTargetUnderChineseHeaders() {
        Api admin = api().as(keys().admin());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String county = "gy-qingchuan-" + suffix;
        String department = "gy-qingchuan-tax-" + suffix;
        assertThat(admin.put("/api/v1/units/" + county, Map.of("name", "青川县", "kind", "COUNTY")).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/units/" + department, Map.of("name", "青川县税务局", "kind", "OTHER", "parentUnitId", county)).status())
                .isEqualTo(201);
        // 青川县: 12000 existing enterprises in the reference file, 50% → the seed's 6000
        Api.Response target = admin.put("/api/v1/units/" + county + "/targets/" + year, Map.of("ratioOfExisting", 0.5,
                "existingEnterprises", 12000, "counting", "EACH", "quarterlyRule", true, "includeSubUnits", true));
        assertThat(target.status()).as(target.toString()).isEqualTo(200);
        assertThat(admin.put("/api/v1/units/" + department + "/targets/" + year, Map.of("annualTarget", 100, "counting", "COMBINED",
                "quarterlyRule", false)).status()).isEqualTo(200);
        postLetter(county);
        postLetter(department);
        postLetter(department);

        String path = "/api/v1/quota/" + year;
        List<CSVRecord> csv = csv(fetch(api().as(keys().inspector()), path, CSV, null));
        List<String> header = values(csv.get(0));
        assertChineseHeaders(header);
        assertThat(header).startsWith("序号", "单位编号", "责任单位", "年度", "年度目标任务（份）")
                .contains("上级单位编号", "目标含下属单位", "占存续企业比例", "存续企业数（含个体工商户）", "下属单位数（各级）",
                        "含下属单位信用承诺书（份）", "含下属单位履约践诺信息（份）", "第1季度含下属单位信用承诺书", "第4季度含下属单位履约践诺信息");
        int row = rowOf(csv, county);
        assertThat(cell(csv, row, "年度目标任务（份）")).isEqualTo("6000");
        assertThat(cell(csv, row, "存续企业数（含个体工商户）")).isEqualTo("12000");
        assertThat(cell(csv, row, "占存续企业比例")).isEqualTo("0.5");
        assertThat(cell(csv, row, "目标含下属单位")).isEqualTo("是");
        assertThat(cell(csv, row, "信用承诺书（份）")).isEqualTo("1");
        assertThat(cell(csv, row, "含下属单位信用承诺书（份）")).isEqualTo("3");
        assertThat(cell(csv, row, "下属单位数（各级）")).isEqualTo("1");
        int departmentRow = rowOf(csv, department);
        assertThat(cell(csv, departmentRow, "上级单位编号")).isEqualTo(county);
        assertThat(cell(csv, departmentRow, "信用承诺书（份）")).isEqualTo("2");
        assertThat(cell(csv, departmentRow, "含下属单位信用承诺书（份）")).isEqualTo("2");
        assertThat(cell(csv, departmentRow, "目标含下属单位")).isEqualTo("否");

        Sheet sheet = xlsx(fetch(admin, path, XLSX, null));
        assertThat(headers(sheet)).isEqualTo(header);
        assertThat(cell(sheet, row, "单位编号").getStringCellValue()).isEqualTo(county);
        assertThat(cell(sheet, row, "含下属单位信用承诺书（份）").getNumericCellValue()).isEqualTo(3);
        assertThat(cell(sheet, row, "占存续企业比例").getNumericCellValue()).isEqualTo(0.5);
    }

    private void postLetter(String unitId) {
        String code = SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
        Api.Response posted = api().as(keys().clerk(unitId)).post("/api/v1/commitments", """
                {"unitId": "%s", "type": "NOTIFICATION_IN_LIEU_OF_CERTIFICATE",
                 "subject": {"kind": "LEGAL_PERSON", "code": "%s", "name": "青川县某某茶业有限公司"},
                 "matter": "食品经营许可", "content": "本单位承诺所提交材料真实有效", "signedOn": "2025-03-01"}"""
                .formatted(unitId, code));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    }

    private static int rowOf(List<CSVRecord> csv, String unitId) {
        int unitColumn = values(csv.get(0)).indexOf("单位编号");
        for (int row = 1; row < csv.size(); row++) {
            if (csv.get(row).get(unitColumn).equals(unitId)) {
                return row;
            }
        }
        throw new AssertionError(unitId + " not exported");
    }
}
