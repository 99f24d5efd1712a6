package org.creditledger.check;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.testing.Api;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A counter's steps in the check tests: one check, and checking until the answer shows what a write changed. */
final class Checks {

    private Checks() {
    }

    static Api.Response check(Api caller, String code, String domain) {
        return caller.post("/api/v1/checks", Map.of("subjectCode", code, "domain", domain));
    }

    /** Checks until the answer satisfies {@code expected}: the check projection follows writes within moments. */
    static JsonNode checkUntil(Api caller, String code, String domain, Predicate<JsonNode> expected) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Api.Response r = check(caller, code, domain);
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            last[0] = r.json();
            return expected.test(last[0]);
        });
        return last[0];
    }

    static Predicate<JsonNode> verdict(String verdict) {
        return answer -> answer.path("verdict").asText().equals(verdict);
    }
}
