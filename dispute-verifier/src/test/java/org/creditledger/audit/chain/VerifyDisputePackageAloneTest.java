package org.creditledger.audit.chain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a recipient of a dispute package does with {@code VerifyDisputePackage.java}, without the ledger: the file
 * compiles by itself against {@code java.base} of Java 17 and nothing else (no class path, no other source), and
 * {@code java VerifyDisputePackage.java package.zip} runs it.
 */
class VerifyDisputePackageAloneTest {

    private static final HexFormat HEX = HexFormat.of();
    /** The source file exactly as dispute packages embed it: the resource this module's jar carries. */
    private static final String RESOURCE = "VerifyDisputePackage.java";

    @TempDir
    Path dir;

    @Test
    void theVerifierCompilesAloneAgainstJavaBaseWithAnEmptyClassPath() throws IOException {
        Path source = copySource();
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path out = Files.createDirectory(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean compiled = javac.getTask(null, files, diagnostics,
                    List.of("--release", "17", "--limit-modules", "java.base",
                            "-classpath", empty.toString(), "-sourcepath", empty.toString(), "-implicit:none",
                            "-d", out.toString()),
                    null, files.getJavaFileObjects(source)).call();
            assertThat(compiled).as(diagnostics.getDiagnostics().stream().map(Diagnostic::toString).toList().toString()).isTrue();
        }
        assertThat(out.resolve("org/creditledger/audit/chain/VerifyDisputePackage.class")).exists();
    }

    @Test
    void theVerifierRunsFromItsSourceWithABareJava() throws Exception {
        Path source = copySource();
        Path pkg = onePackagedEvent(dir.resolve("dispute-package.zip"));
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--limit-modules", "java.base,jdk.compiler", source.toString(), pkg.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.exitValue()).as(output).isZero();
        assertThat(output).startsWith("VERIFIED: 1 event(s) of subject 91510800MA62XXXXXX");
    }

    /** The test vector of docs/audit-chain.md §1, recomputed there with Python's hashlib. */
    @Test
    void theReferenceEncodingGivesTheDocumentedTestVector() {
        VerifyDisputePackage.StoredEvent event = vectorEvent();
        assertThat(HEX.formatHex(event.hash())).isEqualTo("ee22edf9a1b63c5a3ad1e02a29bad2260020ae5297c48d2ae7c27244d8c48495");
        assertThat(HEX.formatHex(VerifyDisputePackage.link(VerifyDisputePackage.GENESIS, event.hash())))
                .isEqualTo("8c1c116cfd18edb4b785bea5cd1ecd09dfe6a076137d9d7d31c93ca6e864c6d7");
    }

    private Path copySource() throws IOException {
        Path source = dir.resolve(RESOURCE);
        try (var in = VerifyDisputePackage.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " is a resource of this module's jar").isNotNull();
            Files.copy(in, source);
        }
        return source;
    }

    private static VerifyDisputePackage.StoredEvent vectorEvent() {
        return new VerifyDisputePackage.StoredEvent(12, "e1", "a1", 3, null, "P", "1", "T", new byte[] {7}, null);
    }

    /** A package of the test-vector event as the ledger's first and only event. */
    private static Path onePackagedEvent(Path zip) throws IOException {
        VerifyDisputePackage.StoredEvent e = vectorEvent();
        String hash = HEX.formatHex(e.hash());
        String link = HEX.formatHex(VerifyDisputePackage.link(VerifyDisputePackage.GENESIS, e.hash()));
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            entry(out, "digest.json", """
                    {"format": "credit-ledger-dispute-package/1", "subjectCode": "91510800MA62XXXXXX",
                     "lastGlobalIndex": 12, "digest": "%s", "exportedAt": "2026-11-23T00:00:00Z"}""".formatted(link));
            entry(out, "events.json", """
                    [{"globalIndex": 12, "eventIdentifier": "e1", "aggregateIdentifier": "a1", "sequenceNumber": 3,
                      "type": null, "payloadType": "P", "payloadRevision": "1", "timeStamp": "T",
                      "payloadBase64": "%s", "metaDataBase64": null,
                      "eventHash": "%s", "prevLink": "%s", "link": "%s"}]"""
                    .formatted(Base64.getEncoder().encodeToString(e.payload()), hash,
                            HEX.formatHex(VerifyDisputePackage.GENESIS), link));
            entry(out, "chain.csv", "globalIndex,eventHash\n12," + hash + "\n");
        }
        return zip;
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
