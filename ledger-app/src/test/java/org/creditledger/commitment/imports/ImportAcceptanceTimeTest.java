package org.creditledger.commitment.imports;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.LedgerApplication;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.platform.database.EmbeddedPostgresServer;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An import row counts in the quota at the time its upload was accepted, not when the worker reached it (DOMAIN.md):
 * files of letters and of outcomes accepted at 23:59 on 31 March by a node that parses nothing, imported after a
 * restart on 1 April, count in Q1. The ledger's clock is set by the test; the events themselves are stamped with the
 * real time (Axon's own clock), so without the rule the rows would count in today's real quarter, not in 2025 at all.
 * This is also the outcome import surviving a restart: accepted, QUEUED, imported by the next node.
 */
class ImportAcceptanceTimeTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String UNIT = "gy-acceptance-time";

    @TempDir
    Path dataDir;

    /** The ledger's clock ({@code Clock} bean), as this test sets it. Registered as a source, never component-scanned. */
    static class SettableClock {
        static volatile Instant now = Instant.now();

        @Bean
        @Primary
        Clock settableClock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return Clock.fixed(now, zone);
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
        }
    }

    ConfigurableApplicationContext start(int parallelParses) {
        return new SpringApplicationBuilder(LedgerApplication.class, SettableClock.class).run("--ledger.data-dir=" + dataDir,
                "--ledger.embedded.clean-start=false", "--server.port=0", "--ledger.imports.parallel-parses=" + parallelParses);
    }

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void rowsOfFilesAcceptedAt2359On31MarchCountInTheFirstQuarterThoughImportedOn1April() {
        String admin;
        String letters;
        String outcomes;
        SettableClock.now = shanghai("2025-03-31T23:59:00");
        try (ConfigurableApplicationContext first = start(0)) {
            Api api = Api.at(port(first));
            admin = new TestKeys(first.getBean(ApiKeys.class)).admin();
            assertThat(api.as(admin).put("/api/v1/units/" + UNIT, Map.of("name", "苍溪县", "kind", "COUNTY")).status()).isEqualTo(201);
            assertThat(api.as(admin).put("/api/v1/units/" + UNIT + "/targets/2025",
                    Map.of("annualTarget", 8, "counting", "EACH", "quarterlyRule", true)).status()).isIn(200, 201);
            String fulfilled = letter(api, admin, "91110108MA01R7K44D");
            String breached = letter(api, admin, "92440305MA5H3QW293");

            letters = upload(api, admin, "/api/v1/commitments/imports", "unitId,type,subjectKind,subjectCode,subjectName,matter,content,signedOn\n"
                    + UNIT + ",OTHER,LEGAL_PERSON,91110108MA01R7K44D,某公司,食品经营许可,承诺材料真实,2025-03-30\n"
                    + UNIT + ",OTHER,NATURAL_PERSON,11010519491231002X,张三,信用修复,承诺不再违法,2025-03-31\n");
            outcomes = upload(api, admin, "/api/v1/commitments/outcomes/imports", "commitmentId,outcome,occurredOn\n"
                    + fulfilled + ",FULFILLED,2025-03-30\n"
                    + breached + ",违约,2025-03-31\n");
        }
        EmbeddedPostgresServer.stop(dataDir.toAbsolutePath().normalize());

        SettableClock.now = shanghai("2025-04-01T09:00:00");
        try (ConfigurableApplicationContext second = start(1)) {
            Api api = Api.at(port(second));
            for (String[] imported : new String[][]{{"/api/v1/commitments/imports", letters}, {"/api/v1/commitments/outcomes/imports", outcomes}}) {
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        "DONE".equals(api.as(admin).get(imported[0] + "/" + imported[1]).json().path("state").asText()));
                JsonNode done = api.as(admin).get(imported[0] + "/" + imported[1]).json();
                assertThat(done.path("accepted").asInt()).as(done.toString()).isEqualTo(2);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode quota = api.as(admin).get("/api/v1/units/" + UNIT + "/quota/2025").json();
                assertThat(quota.path("asOf").asText()).as(quota.toString()).isEqualTo("2025-04-01");
                JsonNode q1 = quota.path("quarters").get(0);
                JsonNode q2 = quota.path("quarters").get(1);
                assertThat(q1.path("letters").asInt()).as(quota.toString()).isEqualTo(2);
                assertThat(q1.path("records").asInt()).as(quota.toString()).isEqualTo(2);
                assertThat(q2.path("letters").asInt() + q2.path("records").asInt()).as(quota.toString()).isZero();
            });
        } finally {
            EmbeddedPostgresServer.stop(dataDir.toAbsolutePath().normalize());
        }
    }

    /** A letter posted alone (it counts at its own record time, the real one: not in 2025). */
    static String letter(Api api, String admin, String code) {
        String kind = code.startsWith("92") ? "INDIVIDUAL_BUSINESS" : "LEGAL_PERSON";
        Api.Response posted = api.as(admin).post("/api/v1/commitments", Map.of("unitId", UNIT, "type", "OTHER",
                "subject", Map.of("kind", kind, "code", code, "name", "某主体"), "matter", "食品经营许可",
                "content", "承诺材料真实", "signedOn", "2025-03-01"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        return posted.json().path("commitmentId").asText();
    }

    static String upload(Api api, String admin, String path, String csv) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "rows.csv";
            }
        });
        Api.Response accepted = api.as(admin).exchange(HttpMethod.POST, path, parts, h -> { });
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.json().path("state").asText()).isEqualTo("QUEUED");
        return accepted.json().path("importId").asText();
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
