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
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Imported letters count in the quota by the upload's acceptance time, not by when the worker reached the row
 * (DOMAIN.md, second stage): a file accepted at 23:59 on 31 March (Asia/Shanghai) counts in the first quarter, though
 * its rows are recorded later. The ledger's clock is set here; the events' record times are the real ones, later still.
 */
class ImportQuotaByAcceptanceTest {

    /** 2026-03-31T23:59:00+08:00. */
    static final Instant ACCEPTED = Instant.parse("2026-03-31T15:59:00Z");
    static final MutableClock CLOCK = new MutableClock(ACCEPTED);

    @TempDir
    Path dataDir;

    @Test
    void aFileAcceptedAt2359On31MarchCountsInTheFirstQuarter() {
        CLOCK.set(ACCEPTED);
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class)
                // registered here, not as a @Configuration that the shared test context's component scan would find
                .initializers((GenericApplicationContext context) -> context.registerBean("controllableClock", Clock.class,
                        () -> CLOCK, definition -> definition.setPrimary(true)))
                .run("--ledger.data-dir=" + dataDir, "--server.port=0")) {
            Api api = Api.at(Integer.parseInt(ledger.getEnvironment().getProperty("local.server.port")));
            Api admin = api.as(new TestKeys(ledger.getBean(ApiKeys.class)).admin());
            assertThat(admin.put("/api/v1/units/gy-culture", Map.of("name", "市文广旅局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
            assertThat(admin.put("/api/v1/units/gy-culture/targets/2026", Map.of("annualTarget", 8, "counting", "EACH",
                    "quarterlyRule", true)).status()).isIn(200, 201);

            Api.Response accepted = admin.exchange(HttpMethod.POST, "/api/v1/commitments/imports", csv(), h -> { });
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            String importId = accepted.json().path("importId").asText();
            CLOCK.set(Instant.parse("2026-03-31T16:00:30Z")); // 00:00:30 on 1 April in Shanghai: the worker runs after it
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> admin.get("/api/v1/commitments/imports/" + importId).json().path("state").asText().equals("DONE"));
            assertThat(admin.get("/api/v1/commitments/imports/" + importId).json().path("accepted").asInt()).isEqualTo(2);

            JsonNode quota = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> admin.get("/api/v1/units/gy-culture/quota/2026?asOf=2026-04-01").json(),
                            q -> q.path("letters").asLong() == 2);
            assertThat(quota.path("quarters").get(0).path("letters").asLong()).as("counted in Q1, when accepted").isEqualTo(2);
            assertThat(quota.path("quarters").get(1).path("letters").asLong()).isZero();
            assertThat(admin.get("/api/v1/units/gy-culture/quota/2026?asOf=2026-03-31").json().path("letters").asLong())
                    .as("already by the end of 31 March").isEqualTo(2);
        } finally {
            EmbeddedPostgresServer.stop(dataDir.toAbsolutePath().normalize());
        }
    }

    static MultiValueMap<String, Object> csv() {
        StringBuilder csv = new StringBuilder("unitId,type,subjectKind,subjectCode,subjectName,matter,content,signedOn,dueDate\n");
        for (int row = 0; row < 2; row++) {
            csv.append("gy-culture,OTHER,LEGAL_PERSON,").append(SubjectCodes.usccFor(9100 + row, false))
                    .append(",广元市某某文化传媒有限公司,营业性演出许可,承诺按许可举办演出,2026-03-30,\n");
        }
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.toString().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "culture-q1.csv";
            }
        });
        return parts;
    }

    /** A clock the test sets. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            MutableClock outer = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return outer.withZone(other);
                }

                @Override
                public Instant instant() {
                    return outer.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
