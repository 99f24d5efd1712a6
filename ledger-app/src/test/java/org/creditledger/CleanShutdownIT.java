package org.creditledger;

import org.creditledger.testing.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A normal stop is quiet: the packaged jar, on its embedded PostgreSQL, does some work (so the processors, the chainer,
 * the check recorder and the deadline scheduler all ran), then gets SIGTERM. It drains HTTP, stops its background
 * parts, releases its token claims and only then stops the database, so nothing fails on the way out: the log has no
 * ERROR line and no stack trace, and the database is down (no {@code postmaster.pid}) when the process has exited.
 */
class CleanShutdownIT {

    static final String ADMIN_SECRET = "shutdown-admin-secret-of-32-char";

    @TempDir
    Path dir;
    Process ledger;

    @AfterEach
    void kill() {
        if (ledger != null && ledger.isAlive()) {
            ledger.destroyForcibly();
        }
    }

    @Test
    void sigtermStopsTheLedgerWithoutAnErrorOrAStackTrace() throws Exception {
        Path jar = Path.of("target", "ledger-app-0.1.0-SNAPSHOT-exec.jar").toAbsolutePath();
        assertThat(jar).as("packaged before the integration tests").exists();
        Path dataDir = dir.resolve("data");
        Path log = dir.resolve("ledger.log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("LEDGER_DATA_DIR", dataDir.toString(), "SERVER_PORT", String.valueOf(port),
                "LEDGER_BOOTSTRAP_ADMIN_KEY", ADMIN_SECRET, "AXONIQ_UPDATE_CHECKER_DISABLED", "true"));
        ledger = builder.start();
        Api api = Api.at(port);
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> api.get("/actuator/health").json().path("status").asText().equals("UP"));
        Api admin = api.as(ADMIN_SECRET);

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(admin.put("/api/v1/units/gy-justice", Map.of("name", "市司法局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
        Api.Response posted = admin.post("/api/v1/commitments", Map.of("unitId", "gy-justice", "type", "CREDIT_REPAIR",
                "subject", Map.of("kind", "LEGAL_PERSON", "code", "91110108MA01R7K44D", "name", "广元市某某律师事务所"),
                "matter", "信用修复", "content", "承诺整改到位", "signedOn", today));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(admin.get("/api/v1/commitments/" + posted.json().path("commitmentId").asText()).status()).isEqualTo(200);
        Api.Response check = admin.post("/api/v1/checks", Map.of("subjectCode", "91110108MA01R7K44D", "domain", "GOVERNMENT_PROCUREMENT"));
        assertThat(check.status()).as(check.toString()).isIn(200, 201);

        ledger.destroy(); // SIGTERM
        assertThat(ledger.waitFor(90, TimeUnit.SECONDS)).as("stopped within the shutdown phases' timeouts").isTrue();

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String text = String.join("\n", lines);
        assertThat(ledger.exitValue()).as(text).isIn(0, 143);
        assertThat(lines).as("ERROR lines").noneMatch(line -> line.contains(" ERROR "));
        assertThat(lines).as("stack-trace lines").noneMatch(line -> line.startsWith("\tat "));
        assertThat(dataDir.resolve("postmaster.pid")).as("the embedded PostgreSQL stopped with the ledger").doesNotExist();
        List<String> warnings = lines.stream().filter(line -> line.contains(" WARN ")).toList();
        System.out.printf("clean stop: exit %d, %d WARN lines:%n%s%n", ledger.exitValue(), warnings.size(), String.join("\n", warnings));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
