package org.creditledger.commitment;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.creditledger.testing.XlsxBomb;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Imports under hostile or careless uploads: size limits, decompression bombs, unreadable files, and who sees whose. */
class ImportLimitsApiTest extends ImportApiTest {

    static final String BOMB_TEXT = "The import file cannot be imported: the workbook inflates beyond the import limits (a part too large, "
            + "too highly compressed, or too many parts); save it again from Excel or as CSV.";

    byte[] oneRowCsv(String unitId) {
        String code = SubjectCodes.usccFor(NEXT_SUBJECT.incrementAndGet() % SubjectCodes.USCC_FOR_LIMIT, false);
        return (HEADER + "\n" + unitId + ",OTHER,LEGAL_PERSON," + code + ",广元市某某建材有限公司,事项,本单位承诺所提交材料真实有效,2025-03-01,\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDecompressionBombUploadedThreeTimesAtOnceIsRefusedAndTheLedgerStillImports() {
        byte[] honest = XlsxBomb.build(1_200L * 1024 * 1024, HEADER, false);
        byte[] lying = XlsxBomb.lyingAboutSize(honest);
        assertThat(honest.length).isBetween(10 * 1024 * 1024, 20 * 1024 * 1024); // ~15 MB inflating to 1.2 GB: ~80:1
        List<String> clerks = List.of(keys.clerk(registerUnit("苍溪县")), keys.clerk(registerUnit("剑阁县")), keys.clerk(registerUnit("旺苍县")));
        long events = events();

        // its zip directory tells: refused at the upload, nothing stored
        Api.Response refused = upload(admin, "bomb.xlsx", honest);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).isEqualTo(BOMB_TEXT);

        // its directory lies: accepted, then refused by the limits while inflating; three at once, by three units
        List<CompletableFuture<Api.Response>> uploads = clerks.stream()
                .map(clerk -> CompletableFuture.supplyAsync(() -> upload(clerk, "bomb.xlsx", lying))).toList();
        for (int i = 0; i < clerks.size(); i++) {
            Api.Response accepted = uploads.get(i).join();
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            JsonNode job = awaitDone(clerks.get(i), accepted.json().path("importId").asText());
            assertThat(job.path("state").asText()).isEqualTo("FAILED");
            assertThat(job.path("error").asText()).isEqualTo(BOMB_TEXT);
            assertThat(job.path("processed").asInt()).isZero();
        }
        assertThat(events()).isEqualTo(events);

        // the JVM is fine: a normal import still goes through
        String unitId = registerUnit("昭化区");
        Api.Response normal = upload(admin, "after-the-bombs.csv", oneRowCsv(unitId));
        assertThat(normal.status()).isEqualTo(202);
        JsonNode done = awaitDone(admin, normal.json().path("importId").asText());
        assertThat(done.path("state").asText()).isEqualTo("DONE");
        assertThat(done.path("accepted").asInt()).isEqualTo(1);
        assertThat(api.as(admin).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void anUploadOverTwentyMegabytesIsRefusedWith413ProblemJson() throws Exception {
        String boundary = "ledger-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        body.write(big);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        long imports = jdbc.sql("select count(*) from commitment_import").query(Long.class).single();

        // The limit is checked against Content-Length before the body is read; the ledger answers at once and closes
        // the connection, so the client reads the answer while it is still sending (as browsers and curl do).
        String response;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + IMPORTS + " HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + admin
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                    + "\r\nContent-Length: " + body.size() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    out.write(body.toByteArray());
                } catch (IOException closedByTheServer) {
                    // expected: the server stopped reading
                }
            });
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            sending.join();
        } catch (SocketException resetAfterTheAnswer) {
            throw new AssertionError("the connection was reset before the answer arrived", resetAfterTheAnswer);
        }
        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"type\":\"urn:credit-ledger:problem:payload-too-large\"");
        assertThat(jdbc.sql("select count(*) from commitment_import").query(Long.class).single()).isEqualTo(imports);
    }

    @Test
    void theSameFileFromAnotherUnitIsANewImportNotTheOthersJob() {
        String unitA = registerUnit("青川县");
        String unitB = registerUnit("苍溪县");
        String clerkA = keys.clerk(unitA);
        String clerkB = keys.clerk(unitB);
        byte[] file = oneRowCsv(unitA);

        Api.Response first = upload(clerkA, "a.csv", file);
        assertThat(first.status()).isEqualTo(202);
        String importA = first.json().path("importId").asText();
        Api.Response fromB = upload(clerkB, "a.csv", file);
        assertThat(fromB.status()).as("another unit is not told of the first upload").isEqualTo(202);
        String importB = fromB.json().path("importId").asText();
        assertThat(importB).isNotEqualTo(importA);
        assertThat(api.as(clerkB).get(IMPORTS + "/" + importA).status()).isEqualTo(403);

        // within one unit, the same file is still the same import
        Api.Response againInA = upload(keys.clerk(unitA), "renamed.csv", file);
        assertThat(againInA.status()).isEqualTo(200);
        assertThat(againInA.json().path("importId").asText()).isEqualTo(importA);

        // B's copy names unit A: its row is refused for B, and A's letter is recorded once
        assertThat(awaitDone(clerkA, importA).path("accepted").asInt()).isEqualTo(1);
        JsonNode b = awaitDone(clerkB, importB);
        assertThat(b.path("state").asText()).isEqualTo("DONE");
        assertThat(b.path("rejected").asInt()).isEqualTo(1);

        // keys without a unit are scoped by key
        byte[] adminFile = oneRowCsv(unitA);
        String firstAdmin = upload(admin, "x.csv", adminFile).json().path("importId").asText();
        assertThat(upload(admin, "x.csv", adminFile).json().path("importId").asText()).isEqualTo(firstAdmin);
        String secondAdmin = keys.admin();
        Api.Response otherAdmin = upload(secondAdmin, "x.csv", adminFile);
        assertThat(otherAdmin.status()).isEqualTo(202);
        assertThat(otherAdmin.json().path("importId").asText()).isNotEqualTo(firstAdmin);
        assertThat(awaitDone(admin, firstAdmin).path("state").asText()).isEqualTo("DONE");
        assertThat(awaitDone(secondAdmin, otherAdmin.json().path("importId").asText()).path("state").asText()).isEqualTo("DONE");
    }

    @Test
    void filesOnlyTheWorkerFindsUnreadableFailWithAFixedTextAndPostNothing() throws IOException {
        String unitId = registerUnit("利州区");
        long events = events();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("notes.txt"));
            out.write("a zip, but not a workbook".getBytes(StandardCharsets.UTF_8));
        }
        Api.Response notWorkbook = upload(admin, "notes.xlsx", zip.toByteArray());
        assertThat(notWorkbook.status()).isEqualTo(202);
        JsonNode failed = awaitDone(admin, notWorkbook.json().path("importId").asText());
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(failed.path("error").asText()).isEqualTo("The import file cannot be imported: the file is not a readable XLSX workbook.");

        // a valid first row, an unclosed quote later: found while counting, before any row is posted
        byte[] csv = (new String(oneRowCsv(unitId), StandardCharsets.UTF_8) + unitId + ",OTHER,\"unclosed\n").getBytes(StandardCharsets.UTF_8);
        Api.Response malformed = upload(admin, "broken.csv", csv);
        assertThat(malformed.status()).isEqualTo(202);
        JsonNode broken = awaitDone(admin, malformed.json().path("importId").asText());
        assertThat(broken.path("state").asText()).isEqualTo("FAILED");
        assertThat(broken.path("error").asText()).isEqualTo("The import file cannot be imported: the file is not valid CSV (look for an unclosed quote).");
        assertThat(broken.path("processed").asInt()).isZero();
        assertThat(events()).isEqualTo(events);
    }
}
