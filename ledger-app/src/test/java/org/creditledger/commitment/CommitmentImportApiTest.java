package org.creditledger.commitment;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentMessages.PostCommitmentCommand;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.subject.SubjectKind;
import org.creditledger.subject.SubjectRef;
import org.creditledger.unit.api.UnitId;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CommitmentImportApiTest extends ImportApiTest {

    @Autowired
    CommandGateway commandGateway;

    String unitId;
    String otherUnitId;

    @BeforeEach
    void setUp() {
        unitId = registerUnit("苍溪县");
        otherUnitId = registerUnit("市税务局");
    }

    // ------------------------------------------------------------------ helpers

    String line(String unit, String type, String kind, String code, String matter, String signedOn, String dueDate) {
        return String.join(",", unit, type, kind, code, "广元市某某建材有限公司", matter, "本单位承诺所提交材料真实有效", signedOn, dueDate == null ? "" : dueDate);
    }

    String company() {
        return SubjectCodes.usccFor(NEXT_SUBJECT.incrementAndGet() % SubjectCodes.USCC_FOR_LIMIT, false);
    }

    String person() {
        return SubjectCodes.residentIdFor(NEXT_SUBJECT.incrementAndGet() % SubjectCodes.RESIDENT_ID_FOR_LIMIT);
    }

    static byte[] csv(List<String> lines) {
        return (HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    long imports() {
        return jdbc.sql("select count(*) from commitment_import").query(Long.class).single();
    }

    static List<String> messages(JsonNode row, String field) {
        List<String> messages = new ArrayList<>();
        row.path("errors").forEach(e -> {
            if (e.path("field").asText().equals(field)) {
                messages.add(e.path("message").asText());
            }
        });
        return messages;
    }

    // ------------------------------------------------------------------ tests

    @Test
    void csvWithValidAndInvalidRowsGetsExactResultsPerRowAndEventsOnlyForAcceptedRows() {
        String good = company();
        String wrongDigit = company();
        wrongDigit = wrongDigit.substring(0, 17) + (wrongDigit.charAt(17) == '0' ? '1' : '0');
        byte[] file = csv(List.of(
                line(unitId, "NOTIFICATION_IN_LIEU_OF_CERTIFICATE", "LEGAL_PERSON", good, "食品经营许可", "2025-03-01", ""),
                line(unitId, "NOTIFICATION_IN_LIEU_OF_CERTIFICATE", "LEGAL_PERSON", wrongDigit, "食品经营许可", "2025-03-01", ""),
                line(unitId, "PROMISE", "LEGAL_PERSON", company(), "食品经营许可", "2025-03-01", ""),
                line("no-such-unit", "OTHER", "LEGAL_PERSON", company(), "食品经营许可", "2025-03-01", ""),
                line(unitId, "OTHER", "LEGAL_PERSON", company(), "食品经营许可", "2025-03-10", "2025-03-09"),
                line(unitId, "OTHER", "LEGAL_PERSON", company(), "  ", "2025-03-01", ""),
                line(otherUnitId, "CREDIT_REPAIR", "NATURAL_PERSON", person(), "信用修复", "2025-04-01", "2030-12-31")));
        long eventsBefore = events();

        Api.Response accepted = upload(admin, "承诺书.csv", file);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String importId = accepted.json().path("importId").asText();
        assertThat(accepted.headers().getLocation()).hasToString(IMPORTS + "/" + importId);
        // accepted, not yet parsed: the worker counts the rows
        assertThat(accepted.json().path("state").asText()).isEqualTo("QUEUED");
        assertThat(accepted.json().has("total")).isFalse();

        JsonNode done = awaitDone(admin, importId);
        assertThat(done.path("state").asText()).isEqualTo("DONE");
        assertThat(done.path("fileName").asText()).isEqualTo("承诺书.csv");
        assertThat(done.path("total").asInt()).isEqualTo(7);
        assertThat(done.path("processed").asInt()).isEqualTo(7);
        assertThat(done.path("accepted").asInt()).isEqualTo(2);
        assertThat(done.path("rejected").asInt()).isEqualTo(5);
        JsonNode rows = done.path("rows");
        assertThat(rows).hasSize(7);
        for (int i = 0; i < 7; i++) {
            assertThat(rows.get(i).path("row").asInt()).isEqualTo(i + 1);
        }
        assertThat(rows.get(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(rows.get(0).path("commitmentId").asText()).isNotBlank();
        assertThat(rows.get(0).has("errors")).isFalse();

        // the same message as the JSON endpoint, under the column name, in the same language (the report was read in English)
        Api.Response json = api.as(admin).inEnglish().post("/api/v1/commitments", Map.of("unitId", unitId, "type", "OTHER",
                "subject", Map.of("kind", "LEGAL_PERSON", "code", wrongDigit, "name", "某公司"), "matter", "m", "content", "c", "signedOn", "2025-03-01"));
        assertThat(json.status()).isEqualTo(400);
        assertThat(rows.get(1).path("status").asText()).isEqualTo("REJECTED");
        assertThat(messages(rows.get(1), "subjectCode")).containsExactly(json.json().path("errors").get(0).path("message").asText());
        assertThat(rows.get(1).path("errors")).hasSize(1);

        assertThat(rows.get(2).path("status").asText()).isEqualTo("REJECTED");
        assertThat(messages(rows.get(2), "type")).singleElement().asString().startsWith("'PROMISE' is not one of NOTIFICATION_IN_LIEU_OF_CERTIFICATE");
        assertThat(messages(rows.get(3), "unitId")).containsExactly("unknown unit no-such-unit");
        assertThat(messages(rows.get(4), "dueDate")).containsExactly("must not be before signedOn 2025-03-10");
        assertThat(messages(rows.get(5), "matter")).containsExactly("is required");
        assertThat(rows.get(6).path("status").asText()).isEqualTo("ACCEPTED");
        for (int i = 1; i <= 5; i++) {
            assertThat(rows.get(i).has("commitmentId")).isFalse();
        }

        assertThat(events()).isEqualTo(eventsBefore + 2);
        String firstId = rows.get(0).path("commitmentId").asText();
        String metadata = jdbc.sql("select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = ?")
                .param(firstId).query(String.class).single();
        assertThat(metadata).contains("\"request\":\"import " + importId + " row 1\"").contains("\"role\":\"ADMIN\"");

        Api.Response commitment = api.as(admin).get("/api/v1/commitments/" + firstId);
        assertThat(commitment.status()).isIn(200, 404); // the read endpoint belongs to the query side

        Api.Response rejectedOnly = api.as(admin).get(IMPORTS + "/" + importId + "?rowStatus=REJECTED&rowsFrom=3&rowsLimit=2");
        assertThat(rejectedOnly.json().path("rows")).extracting(r -> r.path("row").asInt()).containsExactly(3, 4);
        assertThat(rejectedOnly.json().path("nextRowsFrom").asInt()).isEqualTo(5);
    }

    @Test
    void aClerksRowsForAnotherUnitAreRejectedNotTheWholeFile() {
        String clerk = keys.clerk(unitId);
        byte[] file = csv(List.of(
                line(unitId, "OTHER", "LEGAL_PERSON", company(), "事项", "2025-03-01", ""),
                line(otherUnitId, "OTHER", "LEGAL_PERSON", company(), "事项", "2025-03-01", "")));
        Api.Response accepted = upload(clerk, "clerk.csv", file);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String importId = accepted.json().path("importId").asText();
        JsonNode done = awaitDone(clerk, importId);
        assertThat(done.path("rows").get(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(done.path("rows").get(1).path("status").asText()).isEqualTo("REJECTED");
        assertThat(messages(done.path("rows").get(1), "unitId")).containsExactly("A UNIT_CLERK key may post commitments for its own unit " + unitId + " only.");
        String metadata = jdbc.sql("select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = ?")
                .param(done.path("rows").get(0).path("commitmentId").asText()).query(String.class).single();
        assertThat(metadata).contains("\"unit\":\"" + unitId + "\"").contains("\"role\":\"UNIT_CLERK\"");

        assertThat(api.as(keys.inspector()).get(IMPORTS + "/" + importId).status()).isEqualTo(200);
        assertThat(api.as(keys.clerk(unitId)).get(IMPORTS + "/" + importId).status()).isEqualTo(403);
        assertThat(api.as(admin).get(IMPORTS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void xlsxWithRealDateCellsAndTextDatesIsImported() throws IOException {
        String company = company();
        String person = person();
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("信用承诺书");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            String[] columns = HEADER.split(",");
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            Object[][] data = {
                    {unitId, "APPROVAL_REPLACEMENT", "LEGAL_PERSON", company, "某公司", "建设工程规划许可", "承诺内容", LocalDate.of(2025, 3, 1), LocalDate.of(2030, 6, 30)},
                    {unitId, "OTHER", "NATURAL_PERSON", person, "张三", "事项", "承诺内容", "2025-03-02", null}};
            for (int r = 0; r < data.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < data[r].length; c++) {
                    if (data[r][c] instanceof LocalDate day) {
                        row.createCell(c).setCellValue(day);
                        row.getCell(c).setCellStyle(date);
                    } else if (data[r][c] != null) {
                        row.createCell(c).setCellValue((String) data[r][c]);
                    }
                }
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        Api.Response accepted = upload(admin, "letters-without-extension", xlsx);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode done = awaitDone(admin, accepted.json().path("importId").asText());
        assertThat(done.path("rows")).extracting(r -> r.path("status").asText()).containsExactly("ACCEPTED", "ACCEPTED");
        String payload = jdbc.sql("select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?")
                .param(done.path("rows").get(0).path("commitmentId").asText()).query(String.class).single();
        assertThat(payload).contains("\"signedOn\":\"2025-03-01\"").contains("\"dueDate\":\"2030-06-30\"");
    }

    @Test
    void csvSavedByExcelWithAByteOrderMarkIsImported() {
        byte[] body = csv(List.of(line(unitId, "OTHER", "LEGAL_PERSON", company(), "事项", "2025-03-01", "")));
        byte[] file = new byte[body.length + 3];
        file[0] = (byte) 0xEF;
        file[1] = (byte) 0xBB;
        file[2] = (byte) 0xBF;
        System.arraycopy(body, 0, file, 3, body.length);
        Api.Response accepted = upload(admin, "excel.csv", file);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode done = awaitDone(admin, accepted.json().path("importId").asText());
        assertThat(done.path("rows").get(0).path("status").asText()).as(done.toString()).isEqualTo("ACCEPTED");
    }

    @Test
    void theSameFileUploadedTwiceReturnsTheSameImportAndWritesNothingNew() {
        byte[] file = csv(List.of(line(unitId, "OTHER", "LEGAL_PERSON", company(), "事项", "2025-03-01", "2030-01-01")));
        Api.Response first = upload(admin, "a.csv", file);
        assertThat(first.status()).isEqualTo(202);
        String importId = first.json().path("importId").asText();
        awaitDone(admin, importId);
        long events = events();
        long imports = imports();

        Api.Response again = upload(admin, "renamed.csv", file);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("importId").asText()).isEqualTo(importId);
        assertThat(again.json().path("state").asText()).isEqualTo("DONE");
        assertThat(events()).isEqualTo(events);
        assertThat(imports()).isEqualTo(imports);
    }

    @Test
    void wholeFileProblemsAnswerAtOnceAndWriteNothing() {
        long events = events();
        long imports = imports();
        Api.Response missing = upload(admin, "bad.csv", "unitId,type,subjectKind,subjectName,matter,content\nu,OTHER,LEGAL_PERSON,n,m,c\n".getBytes(StandardCharsets.UTF_8));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().path("errors").get(0).path("field").asText()).isEqualTo("file");
        assertThat(missing.json().path("errors").get(0).path("message").asText()).startsWith("missing required columns: subjectCode, signedOn");

        assertThat(upload(admin, "empty.csv", new byte[0]).status()).isEqualTo(400);
        assertThat(upload(admin, "header-only.csv", (HEADER + "\n").getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        Api.Response broken = upload(admin, "broken.xlsx", "PK\u0003\u0004 not really a workbook".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().path("errors").get(0).path("message").asText()).contains("XLSX");

        MultipartBodyBuilder otherPart = new MultipartBodyBuilder();
        otherPart.part("other", "x");
        Api.Response noFile = RestClient.create("http://localhost:" + port).post().uri(IMPORTS)
                .header("X-Api-Key", admin).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(otherPart.build())
                .exchange((request, response) -> new Api.Response(response.getStatusCode().value(), response.getHeaders(), response.getBody().readAllBytes()));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().path("errors").get(0).path("field").asText()).isEqualTo("file");

        assertThat(events()).isEqualTo(events);
        assertThat(imports()).isEqualTo(imports);
    }

    @Test
    void aChunkThatCannotCommitIsRetriedRowByRowAndARowWhoseEventExistsIsNotWrittenTwice() throws Exception {
        List<String> lines = List.of(
                line(unitId, "OTHER", "LEGAL_PERSON", company(), "事项", "2025-03-01", ""),
                line(unitId, "OTHER", "LEGAL_PERSON", company(), "事项", "2025-03-02", ""),
                line(unitId, "OTHER", "LEGAL_PERSON", company(), "事项", "2025-03-03", ""));
        byte[] file = csv(lines);
        // as if an earlier run had already posted row 2: its deterministic commitment id already has an event
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file));
        CommitmentId row2 = new CommitmentId(UUID.nameUUIDFromBytes((sha256 + ":2").getBytes(StandardCharsets.UTF_8)));
        commandGateway.sendAndWait(new PostCommitmentCommand(row2, new UnitId(unitId), CommitmentType.OTHER,
                new SubjectRef(SubjectKind.LEGAL_PERSON, lines.get(1).split(",")[3], "广元市某某建材有限公司"), "事项", "本单位承诺所提交材料真实有效",
                LocalDate.of(2025, 3, 2), null, null));
        long events = events();

        Api.Response accepted = upload(admin, "retry.csv", file);
        JsonNode done = awaitDone(admin, accepted.json().path("importId").asText());
        assertThat(done.path("rows")).extracting(r -> r.path("status").asText()).containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED");
        assertThat(done.path("rows").get(1).path("commitmentId").asText()).isEqualTo(row2.toString());
        assertThat(events()).isEqualTo(events + 2);
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?").param(row2.toString())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyAdminsAndUnitClerksMayUpload() {
        byte[] file = csv(List.of(line(unitId, "OTHER", "LEGAL_PERSON", company(), "事项", "2025-03-01", "")));
        assertThat(upload(null, "f.csv", file).status()).isEqualTo(401);
        assertThat(upload(keys.counter(), "f.csv", file).status()).isEqualTo(403);
        assertThat(upload(keys.inspector(), "f.csv", file).status()).isEqualTo(403);
        assertThat(upload(keys.listAuthority("市场监管局"), "f.csv", file).status()).isEqualTo(403);
        assertThat(api.as(keys.counter()).get(IMPORTS + "/" + UUID.randomUUID()).status()).isEqualTo(403);
    }

    @Test
    void tenThousandRowsCompleteWithVisibleChunkedProgress() {
        List<String> lines = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) {
            lines.add(line(unitId, "NOTIFICATION_IN_LIEU_OF_CERTIFICATE", i % 2 == 0 ? "LEGAL_PERSON" : "NATURAL_PERSON",
                    i % 2 == 0 ? company() : person(), "食品经营许可", "2025-03-01", i % 4 == 0 ? "2030-12-31" : ""));
        }
        long events = events();
        Api.Response accepted = upload(admin, "big.csv", csv(lines));
        assertThat(accepted.status()).isEqualTo(202);
        String importId = accepted.json().path("importId").asText();

        List<Integer> progress = new ArrayList<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode r = api.as(admin).get(IMPORTS + "/" + importId + "?rowsLimit=1").json();
            progress.add(r.path("processed").asInt());
            assertThat(r.path("processed").asInt()).isEqualTo(r.path("accepted").asInt() + r.path("rejected").asInt());
            return r.path("state").asText().equals("DONE");
        });
        // progress only ever moves by whole committed chunks of 1,000 rows
        assertThat(progress).allSatisfy(p -> assertThat(p % 1000).isZero()).isSorted();

        JsonNode done = api.as(admin).get(IMPORTS + "/" + importId + "?rowsFrom=9991&rowsLimit=100").json();
        assertThat(done.path("total").asInt()).isEqualTo(10_000);
        assertThat(done.path("accepted").asInt()).isEqualTo(10_000);
        assertThat(done.path("rejected").asInt()).isZero();
        assertThat(done.path("rowsPerSecond").asDouble()).isPositive();
        assertThat(done.path("startedAt").asText()).isNotBlank();
        assertThat(done.path("finishedAt").asText()).isNotBlank();
        assertThat(done.path("rows")).extracting(r -> r.path("row").asInt()).containsExactly(9991, 9992, 9993, 9994, 9995, 9996, 9997, 9998, 9999, 10000);
        assertThat(done.has("nextRowsFrom")).isFalse();
        assertThat(api.as(admin).get(IMPORTS + "/" + importId + "?rowsLimit=10001").status()).isEqualTo(400);
        assertThat(events()).isEqualTo(events + 10_000);
        assertThat(jdbc.sql("select count(*) from commitment_import_row where import_id = ?::uuid").param(importId).query(Long.class).single())
                .isEqualTo(10_000);
        // and the unit's letter list takes them all in; until its read model has, it answers 503 with Retry-After, never
        // a short count (the tests after this one then start from a read side that has caught up)
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Api.Response list = api.as(admin).get("/api/v1/commitments?unitId=" + unitId + "&size=1");
            assertThat(list.status()).as(list.toString()).isIn(200, 503);
            return list.status() == 200 && list.json().path("totalItems").asLong() == 10_000;
        });
    }
}
