package org.creditledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.platform.database.EmbeddedPostgresServer;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stops the application AND its embedded PostgreSQL, starts both again on the same data directory, and checks that
 * recorded commitments and their pending overdue deadline are still there and still work.
 */
class RestartSurvivalTest {

    @TempDir
    Path dataDir;

    ConfigurableApplicationContext start() {
        // Command-line arguments outrank the data directory that surefire sets for the shared test database.
        // Command-line arguments outrank the data directory surefire sets for the shared test database.
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.data-dir=" + dataDir, "--ledger.embedded.clean-start=false", "--server.port=0");
    }

    @Test
    void commitmentsAndPendingDeadlinesSurviveARestart() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String admin;
        String commitmentId;
        try (ConfigurableApplicationContext first = start()) {
            Api api = Api.at(port(first));
            admin = new TestKeys(first.getBean(ApiKeys.class)).admin();
            assertThat(api.as(admin).put("/api/v1/units/gy-forestry", Map.of("name", "市林业局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
            Api.Response posted = api.as(admin).post("/api/v1/commitments", Map.of("unitId", "gy-forestry", "type", "INDUSTRY_SELF_DISCIPLINE",
                    "subject", Map.of("kind", "NATURAL_PERSON", "code", "11010519491231002X", "name", "张三"),
                    "matter", "林木采伐许可", "content", "承诺按许可范围采伐", "signedOn", today.toString(), "dueDate", today.toString()));
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
            commitmentId = posted.json().path("commitmentId").asText();
        }
        EmbeddedPostgresServer.stop(dataDir.toAbsolutePath().normalize());

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(eventTypes(jdbc, commitmentId)).containsExactly("CommitmentPostedEvent");
            // besides the ledger's own recurring housekeeping (idempotency-retention)
            assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name <> 'idempotency-retention'").query(Long.class).single())
                    .as("the overdue deadline is still scheduled").isEqualTo(1);
            // The due day ends tonight; let the clock "pass" by moving the stored execution time to now.
            jdbc.sql("update scheduled_tasks set execution_time = now() where task_name <> 'idempotency-retention'").update();

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(eventTypes(jdbc, commitmentId)).containsExactly("CommitmentPostedEvent", "CommitmentBecameOverdueEvent"));
            JsonNode metadata = new ObjectMapper().readTree(jdbc.sql(
                            "select meta_data from domain_event_entry where aggregate_identifier = ? and sequence_number = 1")
                    .param(commitmentId).query(byte[].class).single());
            assertThat(metadata.path("principal").asText()).isEqualTo("system");
            assertThat(metadata.path("role").asText()).isEqualTo("SYSTEM");
            assertThat(Api.at(port(second)).as(admin).get("/api/v1/units").status()).as("API keys survive too").isNotEqualTo(401);
        } finally {
            EmbeddedPostgresServer.stop(dataDir.toAbsolutePath().normalize());
        }
    }

    private static java.util.List<String> eventTypes(JdbcClient jdbc, String aggregateId) {
        return jdbc.sql("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number")
                .param(aggregateId).query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('$') + 1)).toList();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
