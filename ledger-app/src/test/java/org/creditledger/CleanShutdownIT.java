package org.creditledger;

import org.creditledger.testing.Api;
import org.creditledger.testing.LedgerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A normal stop is quiet: the packaged jar, on its embedded PostgreSQL, does some work (so the processors, the chainer,
 * the check recorder and the deadline scheduler all ran), then gets SIGTERM. It drains HTTP, stops its background
 * parts, releases its token claims and only then stops the database, so nothing fails on the way out: the log has no
 * ERROR line and no stack trace, and the database is down (no {@code postmaster.pid}) when the process has exited.
 */
class CleanShutdownIT {

    @TempDir
    Path dir;
    LedgerProcess ledger;

    @AfterEach
    void kill() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void sigtermStopsTheLedgerWithoutAnErrorOrAStackTrace() throws Exception {
        Path dataDir = dir.resolve("data");
        ledger = LedgerProcess.start("ledger-app", dir.resolve("ledger.log"), Map.of("LEDGER_DATA_DIR", dataDir.toString()))
                .awaitUp();
        Api admin = ledger.admin();

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(admin.put("/api/v1/units/gy-justice", Map.of("name", "市司法局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
        Api.Response posted = admin.post("/api/v1/commitments", Map.of("unitId", "gy-justice", "type", "CREDIT_REPAIR",
                "subject", Map.of("kind", "LEGAL_PERSON", "code", "91110108MA01R7K44D", "name", "广元市某某律师事务所"),
                "matter", "信用修复", "content", "承诺整改到位", "signedOn", today));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(admin.get("/api/v1/commitments/" + posted.json().path("commitmentId").asText()).status()).isEqualTo(200);
        Api.Response check = admin.post("/api/v1/checks", Map.of("subjectCode", "91110108MA01R7K44D", "domain", "GOVERNMENT_PROCUREMENT"));
        assertThat(check.status()).as(check.toString()).isIn(200, 201);

        assertThat(ledger.stop(Duration.ofSeconds(90))).as("stopped within the shutdown phases' timeouts").isTrue();

        List<String> lines = ledger.logLines();
        String text = String.join("\n", lines);
        int exit = ledger.process().exitValue();
        assertThat(exit).as(text).isIn(0, 143);
        assertThat(lines).as("ERROR lines").noneMatch(line -> line.contains(" ERROR "));
        assertThat(lines).as("stack-trace lines").noneMatch(line -> line.startsWith("\tat "));
        assertThat(dataDir.resolve("postmaster.pid")).as("the embedded PostgreSQL stopped with the ledger").doesNotExist();
        List<String> warnings = lines.stream().filter(line -> line.contains(" WARN ")).toList();
        System.out.printf("clean stop: exit %d, %d WARN lines:%n%s%n", exit, warnings.size(), String.join("\n", warnings));
    }
}
