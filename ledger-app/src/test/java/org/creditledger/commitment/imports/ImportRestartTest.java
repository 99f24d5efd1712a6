package org.creditledger.commitment.imports;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.LedgerApplication;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.platform.database.EmbeddedPostgresServer;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Accepted" means "will be imported": the file is kept in the database, so imports accepted by a node that parses
 * nothing ({@code parallel-parses=0}) and then stops, with its embedded PostgreSQL, are imported after the restart;
 * until then they show {@code QUEUED}, and a node with one parser runs them one at a time.
 */
class ImportRestartTest {

    @TempDir
    Path dataDir;

    ConfigurableApplicationContext start(int parallelParses) {
        return new SpringApplicationBuilder(LedgerApplication.class).run("--ledger.data-dir=" + dataDir,
                "--ledger.embedded.clean-start=false", "--server.port=0", "--ledger.imports.parallel-parses=" + parallelParses);
    }

    @Test
    void acceptedImportsWaitQueuedAndAreImportedOneAtATimeAfterARestart() {
        String admin;
        List<String> importIds = new ArrayList<>();
        try (ConfigurableApplicationContext first = start(0)) {
            Api api = Api.at(port(first));
            admin = new TestKeys(first.getBean(ApiKeys.class)).admin();
            assertThat(api.as(admin).put("/api/v1/units/gy-culture", Map.of("name", "市文广旅局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
            for (int file = 0; file < 3; file++) {
                Api.Response accepted = api.as(admin).exchange(HttpMethod.POST, "/api/v1/commitments/imports", csv(file), h -> { });
                assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
                assertThat(accepted.json().path("state").asText()).isEqualTo("QUEUED");
                importIds.add(accepted.json().path("importId").asText());
            }
            JsonNode queued = api.as(admin).get("/api/v1/commitments/imports/" + importIds.get(0)).json();
            assertThat(queued.path("state").asText()).isEqualTo("QUEUED");
            assertThat(queued.has("total")).as("rows are counted by the worker, not at the upload").isFalse();
        }
        EmbeddedPostgresServer.stop(dataDir.toAbsolutePath().normalize());

        try (ConfigurableApplicationContext second = start(1)) {
            Api api = Api.at(port(second));
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                assertThat(jdbc.sql("select count(*) from commitment_import where state = 'RUNNING'").query(Long.class).single())
                        .as("one parser: at most one import running").isLessThanOrEqualTo(1);
                return jdbc.sql("select count(*) from commitment_import where state = 'DONE'").query(Long.class).single() == 3;
            });
            for (String importId : importIds) {
                JsonNode done = api.as(admin).get("/api/v1/commitments/imports/" + importId).json();
                assertThat(done.path("total").asInt()).isEqualTo(2);
                assertThat(done.path("accepted").asInt()).isEqualTo(2);
            }
        } finally {
            EmbeddedPostgresServer.stop(dataDir.toAbsolutePath().normalize());
        }
    }

    static MultiValueMap<String, Object> csv(int file) {
        StringBuilder csv = new StringBuilder("unitId,type,subjectKind,subjectCode,subjectName,matter,content,signedOn,dueDate\n");
        for (int row = 0; row < 2; row++) {
            csv.append("gy-culture,OTHER,LEGAL_PERSON,").append(SubjectCodes.usccFor(9000 + file * 10 + row, false))
                    .append(",广元市某某文化传媒有限公司,营业性演出许可,承诺按许可举办演出,2025-03-01,\n");
        }
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.toString().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "culture-" + file + ".csv";
            }
        });
        return parts;
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
