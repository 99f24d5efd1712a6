package org.creditledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.platform.database.EmbeddedPostgresServer;
import org.creditledger.testing.Api;
import org.creditledger.testing.LedgerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scale-out shape: the command side and the query side as two separate JVMs (their own runnable jars) on one
 * PostgreSQL. Each migrates only its own tables; a write through one is readable through the other.
 */
class SplitDeploymentTest {

    @TempDir
    Path dataDir;
    final List<LedgerProcess> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(LedgerProcess::close);
        EmbeddedPostgresServer.stop(dataDir.toAbsolutePath().normalize());
    }

    @Test
    void aWriteThroughTheCommandSideIsReadThroughTheQuerySide() throws Exception {
        EmbeddedPostgresServer database = EmbeddedPostgresServer.startOrReuse(dataDir.toAbsolutePath().normalize(), true);
        Api commandSide = start("command-side", database);
        Api querySide = start("query-side", database);

        assertThat(commandSide.put("/api/v1/units/gy-justice", Map.of("name", "市司法局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
        Api.Response posted = commandSide.post("/api/v1/commitments", Map.of("unitId", "gy-justice", "type", "CREDIT_REPAIR",
                "subject", Map.of("kind", "LEGAL_PERSON", "code", "91110108MA01R7K44D", "name", "广元市某某律师事务所"),
                "matter", "信用修复", "content", "承诺整改到位", "signedOn", "2025-08-01"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);

        Api.Response read = querySide.get("/api/v1/commitments/" + posted.json().path("commitmentId").asText());
        assertThat(read.status()).as("visible in the other JVM's next read: " + read).isEqualTo(200);
        assertThat(read.json().path("unitId").asText()).isEqualTo("gy-justice");
        assertThat(querySide.get("/api/v1/units").text()).contains("市司法局");

        // A list entry written through the command side reaches the counter checks the query side answers and records.
        assertThat(commandSide.put("/api/v1/lists/SPLIT_DEBTOR", Map.of("name", "失信被执行人名单", "colour", "BLACK",
                "authority", "最高人民法院", "legalBasis", "法释〔2017〕7号", "periodMonths", 24, "earlyRepairAllowed", true)).status())
                .isEqualTo(201);
        assertThat(commandSide.put("/api/v1/measures/SPLIT_NO_PROCUREMENT", Map.of("name", "限制参加政府采购活动",
                "kind", "PUNISHMENT", "domain", "GOVERNMENT_PROCUREMENT", "scope", "NATIONAL_BASE",
                "legalBasis", "《政府采购法》第二十二条", "listCodes", List.of("SPLIT_DEBTOR"))).status()).isEqualTo(201);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Api.Response entered = commandSide.post("/api/v1/list-entries", Map.of("listCode", "SPLIT_DEBTOR",
                "subject", Map.of("kind", "LEGAL_PERSON", "code", "91110108MA01R7K44D", "name", "广元市某某律师事务所"),
                "decisionNo", "(2025)川08执1号", "decidedOn", today, "reason", "拒不履行", "effectiveFrom", today));
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        Map<String, Object> check = Map.of("subjectCode", "91110108MA01R7K44D", "domain", "GOVERNMENT_PROCUREMENT");
        JsonNode answer = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> querySide.post("/api/v1/checks", check).json(), a -> "RESTRICT".equals(a.path("verdict").asText()));
        assertThat(answer.path("measures").findValuesAsText("measureCode")).containsExactly("SPLIT_NO_PROCUREMENT");
        assertThat(querySide.get("/api/v1/checks/" + answer.path("checkId").asText()).json()).isEqualTo(answer);
    }

    /**
     * Each JVM caches key lookups (they are on the hot path of counter checks); a revocation through one JVM must still
     * reach the other's cache within moments, through PostgreSQL NOTIFY.
     */
    @Test
    void aKeyRevokedThroughOneJvmIsRefusedByTheOtherAtOnce() throws Exception {
        EmbeddedPostgresServer database = EmbeddedPostgresServer.startOrReuse(dataDir.toAbsolutePath().normalize(), true);
        Api commandSide = start("command-side", database);
        Api querySide = start("query-side", database);
        Api.Response issued = commandSide.post("/api/v1/admin/api-keys", Map.of("name", "苍溪县政务服务中心 窗口", "role", "COUNTER"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        Api counter = querySide.as(issued.json().path("secret").asText());
        assertThat(counter.get("/api/v1/lists").status()).as("the query side has now cached the key").isEqualTo(200);

        long revokedAt = System.nanoTime();
        assertThat(commandSide.exchange(HttpMethod.DELETE, "/api/v1/admin/api-keys/" + issued.json().path("keyId").asText(), null, h -> { })
                .status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5))
                .until(() -> counter.get("/api/v1/lists").status() == 401);
        System.out.printf("revocation reached the other JVM within %d ms%n", (System.nanoTime() - revokedAt) / 1_000_000);
    }

    private Api start(String module, EmbeddedPostgresServer database) {
        LedgerProcess process = LedgerProcess.start(module, dataDir.resolve(module + ".log"), LedgerProcess.on(database));
        processes.add(process);
        return process.awaitUp().admin();
    }
}
