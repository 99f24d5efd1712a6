package org.creditledger.access;

import org.creditledger.LedgerHttpTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spellings of protected paths an attacker tries: path parameters ({@code ;}), encoded letters, slashes and dots, double
 * slashes, dot segments, upper case. Sent byte for byte ({@link RawHttp}), without a key and with a key whose role may
 * not read the resource. None may answer 2xx; every refusal is problem+json and none echoes the subject code.
 */
class AccessBypassTest extends LedgerHttpTest {

    static final String PERSON = "11010519491231002X";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GET /api;/v1/subjects/" + PERSON + "/state",
            "GET /api;/v1/subjects/" + PERSON + "/timeline",
            "GET /api;/v1/subjects/" + PERSON + "/dispute-package",
            "GET /api;/v1/list-entries?listCode=ANY",
            "GET /api;/v1/audit/digest",
            "POST /api;/v1/audit/verify",
            "GET /%61pi/v1/audit/digest",
            "GET /%61pi/v1/subjects/" + PERSON + "/state",
            "GET /api/v1;/audit/digest",
            "GET /api/v1/audit;jsessionid=x/digest",
            "GET //api/v1/audit/digest",
            "GET /api//v1/audit/digest",
            "GET /api/v1/./audit/digest",
            "GET /api/v1/x/../audit/digest",
            "GET /api/v1/%2e%2e/v1/audit/digest",
            "GET /api/v1/audit%2Fdigest",
            "GET /api/v1/audit%2fdigest",
            "GET /api/v1/audit%252Fdigest",
            "GET /api/v1/audit%5Cdigest",
            "GET /API/v1/audit/digest",
            "GET /Api/v1/subjects/" + PERSON + "/state",
            "GET /v3/api-docs/../../api/v1/audit/digest",
            "GET /swagger-ui/..;/api/v1/audit/digest",
            "GET /actuator/health/../../api/v1/audit/digest",
            "GET /api/v1/audit/digest%00",
            "GET /api/v1/audit/digest/",
            "GET /api/v1/audit/digest.json"})
    void noSpellingOfAProtectedPathAnswersWithoutAValidKey(String request) {
        String method = request.substring(0, request.indexOf(' '));
        String target = request.substring(request.indexOf(' ') + 1);
        String counter = keys().counter();
        for (String key : new String[] {null, "clk_not-a-key", counter}) {
            RawHttp.Answer answer = RawHttp.send(port, method, target, key);
            assertThat(answer.status()).as(request + " with key " + key + ": " + answer).isBetween(400, 499);
            assertThat(answer.contentType()).as(request + " with key " + key + ": " + answer).startsWith("application/problem+json");
            assertThat(answer.body()).as(request).doesNotContain(PERSON);
        }
    }

    @Test
    void theOpenPathsStayOpen() {
        assertThat(RawHttp.send(port, "GET", "/actuator/health", null).status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/v3/api-docs", null).status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void anythingElseNeedsAKey() {
        for (String target : new String[] {"/", "/actuator/env", "/actuator/prometheus", "/error", "/no-such-page"}) {
            RawHttp.Answer answer = RawHttp.send(port, "GET", target, null);
            assertThat(answer.status()).as(target + ": " + answer).isEqualTo(401);
            assertThat(answer.contentType()).as(target).startsWith("application/problem+json");
        }
    }

    @Test
    void aForbiddenAnswerDoesNotEchoThePath() {
        RawHttp.Answer answer = RawHttp.send(port, "GET", "/api/v1/subjects/" + PERSON + "/state", keys().counter());
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("urn:credit-ledger:problem:forbidden").doesNotContain(PERSON).doesNotContain("/api/");
    }

    /** The 50 MB body is announced but never sent: an answer proves nothing waited for it. */
    @Test
    void aRequestWithoutAValidKeyIsRefusedBeforeItsBodyIsRead() {
        for (String key : new String[] {null, "clk_not-a-key"}) {
            RawHttp.Answer answer = RawHttp.send(java.net.InetAddress.getLoopbackAddress(), port,
                    "POST /api/v1/commitments/imports HTTP/1.1\r\n" + (key == null ? "" : "X-Api-Key: " + key + "\r\n")
                            + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 52428800\r\n\r\n--x\r\n");
            assertThat(answer.status()).as("key " + key).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void overLongHeadersAreRefusedAsAProblem() {
        RawHttp.Answer answer = RawHttp.send(java.net.InetAddress.getLoopbackAddress(), port,
                "GET /api/v1/units HTTP/1.1\r\nX-Padding: " + "x".repeat(64 * 1024) + "\r\n\r\n");
        assertThat(answer.status()).isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
