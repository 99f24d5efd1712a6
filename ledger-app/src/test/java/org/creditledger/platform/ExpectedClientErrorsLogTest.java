package org.creditledger.platform;

import org.creditledger.LedgerApplication;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's mistake is the client's: an unknown id or an invalid field gets its problem+json, and the log gets at most
 * one line for it, never a stack trace (those are kept for faults of the ledger itself).
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ExpectedClientErrorsLogTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys apiKeys;

    @Test
    void anUnknownCommitmentIdIsA404WithoutAStackTraceInTheLog(CapturedOutput output) {
        Api admin = Api.at(port).as(new TestKeys(apiKeys).admin());
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        int before = output.getAll().length();

        Api.Response outcome = admin.post("/api/v1/commitments/" + UUID.randomUUID() + "/outcome",
                Map.of("outcome", "FULFILLED", "occurredOn", today));
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(404);
        assertThat(outcome.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:not-found");
        Api.Response read = admin.get("/api/v1/commitments/" + UUID.randomUUID());
        assertThat(read.status()).as(read.toString()).isEqualTo(404);

        assertQuiet(output.getAll().substring(before), 2);
    }

    @Test
    void aValidationErrorIsA400WithoutAStackTraceInTheLog(CapturedOutput output) {
        Api admin = Api.at(port).as(new TestKeys(apiKeys).admin());
        int before = output.getAll().length();

        Api.Response invalid = admin.post("/api/v1/commitments/" + UUID.randomUUID() + "/outcome",
                Map.of("outcome", "FULFILLED"));
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        Api.Response badBody = admin.post("/api/v1/commitments", Map.of("unitId", "gy-education", "type", "NO_SUCH_TYPE"));
        assertThat(badBody.status()).as(badBody.toString()).isEqualTo(400);

        assertQuiet(output.getAll().substring(before), 2);
    }

    /** No stack-trace line, no ERROR, and at most one WARN line per request. */
    private static void assertQuiet(String log, int requests) {
        assertThat(log).as("stack traces").doesNotContain("\tat ").doesNotContain(" ERROR ");
        long lines = log.lines().filter(line -> line.contains(" WARN ")).count();
        assertThat(lines).as("log lines for %d client errors:%n%s", requests, log).isLessThanOrEqualTo(requests);
    }
}
