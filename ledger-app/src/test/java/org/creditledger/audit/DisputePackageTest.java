package org.creditledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditledger.LedgerHttpTest;
import org.creditledger.audit.chain.DisputePackageWriter;
import org.creditledger.audit.chain.VerifyDisputePackage;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dispute packages checked by the verifier they carry, run as a separate {@code java} process exactly as an outside
 * party would run it: a genuine package verifies; a changed payload byte, a changed event with its links recomputed,
 * and a package rewritten up to its digest are rejected (the last only against a digest obtained from the ledger).
 */
class DisputePackageTest extends LedgerHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    @Autowired
    DisputePackageWriter writer;
    @TempDir
    Path dir;

    String subjectCode;
    List<Long> subjectEvents;

    /** A subject with two commitment letters, one fulfilled: three events, with other units' events around them. */
    @BeforeEach
    void aSubjectWithThreeEvents() {
        String unitId = "dispute-" + UUID.randomUUID().toString().substring(0, 8);
        Api admin = api().as(keys().admin());
        admin.put("/api/v1/units/" + unitId, Map.of("name", "广元市市场监督管理局", "kind", "MUNICIPAL_DEPARTMENT"));
        Api clerk = api().as(keys().clerk(unitId));
        subjectCode = SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
        String first = post(clerk, unitId, "食品经营许可");
        admin.put("/api/v1/units/" + unitId + "-other", Map.of("name", "广元市税务局", "kind", "MUNICIPAL_DEPARTMENT"));
        String second = post(clerk, unitId, "药品经营许可");
        assertThat(clerk.post("/api/v1/commitments/" + first + "/outcome", Map.of("outcome", "BREACHED", "occurredOn", "2025-03-03")).status())
                .isEqualTo(200);
        subjectEvents = jdbc.sql("select global_index from domain_event_entry where aggregate_identifier in (?, ?) order by global_index")
                .params(first, second).query(Long.class).list();
        assertThat(subjectEvents).hasSize(3);
    }

    @Test
    void aGenuinePackageVerifiesWithTheVerifierItCarries() throws Exception {
        Map<String, byte[]> files = unzip(write());
        assertThat(files).containsOnlyKeys("README.txt", "digest.json", "events.json", "events-readable.json", "chain.csv",
                "VerifyDisputePackage.java");
        JsonNode digest = JSON.readTree(files.get("digest.json"));
        assertThat(digest.path("subjectCode").asText()).isEqualTo(subjectCode);
        assertThat(digest.path("lastGlobalIndex").asLong()).isGreaterThanOrEqualTo(subjectEvents.get(2));
        assertThat(JSON.readTree(files.get("events-readable.json")).get(0).path("payload").toString()).contains(subjectCode);

        Verdict verdict = verify(files);
        assertThat(verdict.exit()).as(verdict.output()).isZero();
        assertThat(verdict.output()).startsWith("VERIFIED: 3 event(s) of subject " + subjectCode)
                .contains("#" + subjectEvents.get(0), "#" + subjectEvents.get(2), digest.path("digest").asText());
    }

    @Test
    void theEndpointPackagesEveryEventAboutTheSubjectIncludingTheChecksAboutIt() throws Exception {
        Api.Response check = api().as(keys().counter()).post("/api/v1/checks", Map.of("subjectCode", subjectCode, "domain", "HONOURS"));
        assertThat(check.status()).as(check.toString()).isEqualTo(201);
        long checkEvent = jdbc.sql("select global_index from domain_event_entry where event_identifier = ?")
                .param(check.json().path("checkId").asText()).query(Long.class).single();

        Api.Response downloaded = api().as(keys().inspector()).get("/api/v1/subjects/" + subjectCode + "/dispute-package");
        assertThat(downloaded.status()).as(downloaded.toString()).isEqualTo(200);
        assertThat(downloaded.contentType()).isEqualTo("application/zip");
        assertThat(downloaded.headers().getContentDisposition().getFilename()).startsWith("dispute-package-").endsWith(".zip");
        Map<String, byte[]> files = unzip(downloaded.body());
        List<Long> packaged = JSON.readTree(files.get("events.json")).findValues("globalIndex").stream().map(JsonNode::asLong).toList();
        List<Long> expected = new java.util.ArrayList<>(subjectEvents);
        expected.add(checkEvent);
        assertThat(packaged).containsExactlyElementsOf(expected);
        Verdict verdict = verify(files);
        assertThat(verdict.exit()).as(verdict.output()).isZero();

        assertThat(api().as(keys().admin()).get("/api/v1/subjects/91510802MA6XXXXXX1/dispute-package").status()).isEqualTo(400);
        assertThat(api().as(keys().counter()).get("/api/v1/subjects/" + subjectCode + "/dispute-package").status()).isEqualTo(403);
    }

    @Test
    void aPackageVerifiesAgainstTheLedgersDigestAsAnchor() throws Exception {
        // An anchor is a digest taken earlier and kept elsewhere; the package, written later, must pass through it.
        // (Taken after the package, the ledger's digest may already cover events the chain had not linked yet when
        // the package was written, such as the key issued here, which is an event too.)
        JsonNode ledger = api().as(keys().inspector()).get("/api/v1/audit/digest").json();
        Map<String, byte[]> files = unzip(write());
        Verdict verdict = verify(files, ledger.path("lastGlobalIndex").asText() + ":" + ledger.path("digest").asText());
        assertThat(verdict.exit()).as(verdict.output()).isZero();
        assertThat(verdict.output()).contains("passes through the anchor");
    }

    @Test
    void onePayloadByteChangedIsRejectedNamingTheEvent() throws Exception {
        Map<String, byte[]> files = unzip(write());
        ArrayNode events = (ArrayNode) JSON.readTree(files.get("events.json"));
        ObjectNode event = (ObjectNode) events.get(1);
        byte[] payload = Base64.getDecoder().decode(event.path("payloadBase64").asText());
        payload[payload.length / 2] ^= 1;
        event.put("payloadBase64", Base64.getEncoder().encodeToString(payload));
        files.put("events.json", JSON.writeValueAsBytes(events));

        Verdict verdict = verify(files);
        assertThat(verdict.exit()).as(verdict.output()).isEqualTo(1);
        assertThat(verdict.output()).startsWith("NOT VERIFIED: event at global index " + subjectEvents.get(1));
    }

    /** The tamperer recomputes the event's hash and link, and its hash in chain.csv: the chain no longer meets the digest. */
    @Test
    void aChangedEventWithRecomputedLinksDoesNotReachTheDigest() throws Exception {
        Map<String, byte[]> files = unzip(write());
        Tampered tampered = tamper(files, 1);
        files.put("events.json", JSON.writeValueAsBytes(tampered.events()));
        files.put("chain.csv", tampered.chain().getBytes(StandardCharsets.US_ASCII));

        Verdict verdict = verify(files);
        assertThat(verdict.exit()).as(verdict.output()).isEqualTo(1);
        assertThat(verdict.output()).startsWith("NOT VERIFIED: event at global index " + subjectEvents.get(2));
    }

    /**
     * Rewritten up to a new digest, the package is consistent again: offline and without an anchor it cannot be told
     * from a genuine one (docs/audit-chain.md says so). A digest taken from the ledger exposes it.
     */
    @Test
    void aPackageRewrittenUpToItsDigestIsCaughtByTheLedgersDigest() throws Exception {
        JsonNode ledger = api().as(keys().inspector()).get("/api/v1/audit/digest").json();
        Map<String, byte[]> files = unzip(write());
        Tampered tampered = tamper(files, 1);
        ArrayNode events = tampered.events();
        byte[] running = HEX.parseHex(events.get(0).path("prevLink").asText());
        int next = 0;
        for (String line : tampered.chain().split("\n")) {
            if (line.startsWith("globalIndex")) {
                continue;
            }
            String[] cells = line.split(",");
            if (next < events.size() && events.get(next).path("globalIndex").asLong() == Long.parseLong(cells[0])) {
                ((ObjectNode) events.get(next)).put("prevLink", HEX.formatHex(running));
                running = VerifyDisputePackage.link(running, HEX.parseHex(cells[1]));
                ((ObjectNode) events.get(next++)).put("link", HEX.formatHex(running));
            } else {
                running = VerifyDisputePackage.link(running, HEX.parseHex(cells[1]));
            }
        }
        ObjectNode digest = (ObjectNode) JSON.readTree(files.get("digest.json"));
        digest.put("digest", HEX.formatHex(running));
        files.put("events.json", JSON.writeValueAsBytes(events));
        files.put("chain.csv", tampered.chain().getBytes(StandardCharsets.US_ASCII));
        files.put("digest.json", JSON.writeValueAsBytes(digest));

        assertThat(verify(files).exit()).isZero();
        Verdict anchored = verify(files, ledger.path("lastGlobalIndex").asText() + ":" + ledger.path("digest").asText());
        assertThat(anchored.exit()).as(anchored.output()).isEqualTo(1);
        assertThat(anchored.output()).startsWith("NOT VERIFIED: the chain does not pass through the anchor");
    }

    private String post(Api clerk, String unitId, String matter) {
        Api.Response posted = clerk.post("/api/v1/commitments", Map.of("unitId", unitId, "type", "NOTIFICATION_IN_LIEU_OF_CERTIFICATE",
                "subject", Map.of("kind", "LEGAL_PERSON", "code", subjectCode, "name", "广元市某某建材有限公司"),
                "matter", matter, "content", "承诺所提交材料真实有效", "signedOn", "2025-03-01"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        return posted.json().path("commitmentId").asText();
    }

    private byte[] write() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out, subjectCode, subjectEvents);
        return out.toByteArray();
    }

    record Tampered(ArrayNode events, String chain) {
    }

    /** Changes a word in event {@code i}'s payload and gives it the matching event hash and link, here and in chain.csv. */
    private Tampered tamper(Map<String, byte[]> files, int i) throws IOException {
        ArrayNode events = (ArrayNode) JSON.readTree(files.get("events.json"));
        ObjectNode event = (ObjectNode) events.get(i);
        String payload = new String(Base64.getDecoder().decode(event.path("payloadBase64").asText()), StandardCharsets.UTF_8);
        byte[] changed = payload.replace("药品经营许可", "药品经营备案").getBytes(StandardCharsets.UTF_8);
        assertThat(changed).isNotEqualTo(payload.getBytes(StandardCharsets.UTF_8));
        String metaData = event.path("metaDataBase64").asText(null);
        VerifyDisputePackage.StoredEvent stored = new VerifyDisputePackage.StoredEvent(event.path("globalIndex").asLong(),
                event.path("eventIdentifier").asText(), event.path("aggregateIdentifier").asText(), event.path("sequenceNumber").asLong(),
                event.path("type").asText(null), event.path("payloadType").asText(), event.path("payloadRevision").asText(null),
                event.path("timeStamp").asText(), changed, metaData == null ? null : Base64.getDecoder().decode(metaData));
        String oldHash = event.path("eventHash").asText();
        String newHash = HEX.formatHex(stored.hash());
        event.put("payloadBase64", Base64.getEncoder().encodeToString(changed));
        event.put("eventHash", newHash);
        event.put("link", HEX.formatHex(VerifyDisputePackage.link(HEX.parseHex(event.path("prevLink").asText()), stored.hash())));
        String chain = new String(files.get("chain.csv"), StandardCharsets.US_ASCII)
                .replace(stored.globalIndex() + "," + oldHash, stored.globalIndex() + "," + newHash);
        return new Tampered(events, chain);
    }

    record Verdict(int exit, String output) {
    }

    /** Runs the package's own VerifyDisputePackage.java with the JDK running this test, as a separate process. */
    private Verdict verify(Map<String, byte[]> files, String... anchor) throws Exception {
        Path zip = dir.resolve("package-" + UUID.randomUUID() + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipped = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zipped.putNextEntry(new ZipEntry(file.getKey()));
                zipped.write(file.getValue());
                zipped.closeEntry();
            }
        }
        Path source = dir.resolve("VerifyDisputePackage.java");
        Files.write(source, files.get("VerifyDisputePackage.java"));
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new java.util.ArrayList<>(List.of(java, source.toString(), zip.toString()));
        command.addAll(List.of(anchor));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Verdict(process.exitValue(), output);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
