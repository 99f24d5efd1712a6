package org.creditledger.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How an answer becomes rows: the shapes the ledger's read answers have. */
class FlatteningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNestedObjectBecomesDottedColumnsAndAnEnumShowsItsLabel() throws Exception {
        ObjectNode row = new Flattening(Set.of("history")).item(json("""
                {"entryId": "e1", "subject": {"kind": "NATURAL_PERSON", "kindLabel": "自然人", "code": "110101199003078034"},
                 "status": "ACTIVE", "statusLabel": "在列", "responsiblePersons": ["王某某", "李某"], "history": [{"type": "x"}]}"""));
        assertThat(fields(row)).containsExactly("entryId", "subject.kind", "subject.code", "status", "responsiblePersons");
        assertThat(row.path("subject.kind").asText()).isEqualTo("自然人");
        assertThat(row.path("status").asText()).isEqualTo("在列");
        assertThat(row.path("subject.code").isTextual()).isTrue();
        assertThat(row.path("responsiblePersons").asText()).isEqualTo("王某某、李某");
    }

    @Test
    void aListOfObjectsInsideAListItemBecomesNumberedColumns() throws Exception {
        ObjectNode row = new Flattening(Set.of("quarters[].quarter")).item(json("""
                {"unitId": "u", "quarters": [{"quarter": 1, "letters": 3}, {"quarter": 2, "letters": 4}]}"""));
        assertThat(fields(row)).containsExactly("unitId", "quarters[1].letters", "quarters[2].letters");
        assertThat(Flattening.headerKey("quarters[2].letters")).isEqualTo("quarters[].letters");
        assertThat(Flattening.headerArguments("quarters[2].letters")).containsExactly(2);
    }

    @Test
    void aRecordHoldingOneListOfObjectsIsOneRowPerItemStartingWithTheRecordsOwnFields() throws Exception {
        List<ObjectNode> rows = new ArrayList<>();
        new Flattening(Set.of()).record(json("""
                {"from": "2026-01-01", "to": "2026-11-30", "checks": 3,
                 "rows": [{"counterUnit": "u", "domain": "BIDDING", "domainLabel": "招标投标", "checks": 1, "byVerdict": {"CLEAR": 1}},
                          {"counterUnit": "u", "domain": "SUBSIDY", "domainLabel": "资金扶持", "checks": 2, "byVerdict": {"CLEAR": 2}}]}"""),
                rows::add);
        assertThat(rows).hasSize(2);
        assertThat(fields(rows.get(1))).containsExactly("from", "to", "checks", "rows.counterUnit", "rows.domain", "rows.checks",
                "rows.byVerdict.CLEAR");
        assertThat(rows.get(1).path("rows.domain").asText()).isEqualTo("资金扶持");
        assertThat(Flattening.rowCount(json("{\"a\": 1}"), Set.of())).isEqualTo(1);
    }

    @Test
    void cellsAreTypedFromTheJsonAndCodesStayText() throws Exception {
        assertThat(Cells.of(json("12"))).isInstanceOf(Cells.Number.class);
        assertThat(Cells.of(json("\"2026-03-01\""))).isInstanceOf(Cells.Date.class);
        assertThat(((Cells.DateTime) Cells.of(json("\"2026-03-01T16:30:00Z\""))).value().toString()).isEqualTo("2026-03-02T00:30");
        assertThat(Cells.of(json("\"110101199003078034\""))).isInstanceOf(Cells.Text.class);
        assertThat(Cells.of(json("\"2026-13-45\""))).isInstanceOf(Cells.Text.class);
    }

    @Test
    void csvCellsExcelWouldDamageAreWrittenSoExcelKeepsThem() {
        assertThat(TableWriters.forExcel("110101199003078034")).isEqualTo("=\"110101199003078034\"");
        assertThat(TableWriters.forExcel("0012")).isEqualTo("=\"0012\"");
        assertThat(TableWriters.forExcel("11010119900307803X")).isEqualTo("11010119900307803X");
        assertThat(TableWriters.forExcel("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(TableWriters.forExcel("广市监严失〔2024〕12号")).isEqualTo("广市监严失〔2024〕12号");
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static List<String> fields(ObjectNode row) {
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
