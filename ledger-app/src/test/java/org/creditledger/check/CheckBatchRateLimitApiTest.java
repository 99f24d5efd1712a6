package org.creditledger.check;

import org.creditledger.LedgerHttpTest;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /checks/batch} is limited per API key, in checks per minute ({@code ledger.check.batch-rate}, 5 here):
 * beyond it the key gets 429 with {@code Retry-After} and nothing is checked or recorded, while another key is not held
 * back.
 */
@TestPropertySource(properties = "ledger.check.batch-rate=5")
class CheckBatchRateLimitApiTest extends LedgerHttpTest {

    static Map<String, Object> batchOf(int checks) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < checks; i++) {
            items.add(Map.of("subjectCode", SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false),
                    "domain", "HONOURS"));
        }
        return Map.of("items", items);
    }

    @Test
    void aKeyOverItsBatchChecksPerMinuteGets429WithRetryAfterAndNothingIsRecorded() {
        Api counter = api().as(keys().counter());
        Api.Response allowed = counter.post("/api/v1/checks/batch", batchOf(5));
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
        assertThat(allowed.json().path("checked").asInt()).isEqualTo(5);
        long before = events();

        // the bucket refills one check every 12 s: five more are a minute away
        Api.Response limited = counter.post("/api/v1/checks/batch", batchOf(5));

        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:rate-limited");
        assertThat(Long.parseLong(limited.headers().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(events()).isEqualTo(before);

        Api.Response otherKey = api().as(keys().counter()).post("/api/v1/checks/batch", batchOf(5));
        assertThat(otherKey.status()).as("another key has its own allowance").isEqualTo(200);
    }

    @Test
    void aBatchLargerThanAMinutesAllowanceIs400() {
        Api.Response tooLarge = api().as(keys().counter()).post("/api/v1/checks/batch", batchOf(6));
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(400);
        assertThat(tooLarge.json().path("errors").findValuesAsText("field")).containsExactly("items");
    }
}
