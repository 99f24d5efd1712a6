package org.creditledger.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditledger.LedgerHttpTest;
import org.creditledger.access.RawHttp;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Problems speak Simplified Chinese unless the request asks for English ({@code Accept-Language: en}), whichever part
 * of the ledger writes them: a business problem with its arguments, Bean Validation, a value the kernel refuses, Spring
 * Security's 401 and Tomcat's own 400. {@code type} and field names stay what clients switch on.
 */
class ProblemLanguageTest extends LedgerHttpTest {

    static final String UNIT = "gy-education";
    static final String COMMITMENT = """
            {"unitId":"gy-education","type":"APPROVAL_REPLACEMENT",
             "subject":{"kind":"INDIVIDUAL_BUSINESS","code":"92440305MA5H3QW294","name":"利州区某某小吃店"},
             "matter":"食品经营备案","content":"承诺符合食品安全要求","signedOn":"2025-05-06"}""";

    @Test
    void aBusinessProblemIsWordedWithItsArgumentsInTheReadersLanguage() {
        String id = UUID.randomUUID().toString();
        Api admin = api().as(keys().admin());

        JsonNode chinese = admin.get("/api/v1/commitments/" + id).json();
        JsonNode english = admin.inEnglish().get("/api/v1/commitments/" + id).json();

        assertThat(chinese.path("type").asText()).isEqualTo(english.path("type").asText()).isEqualTo("urn:credit-ledger:problem:not-found");
        assertThat(chinese.path("title").asText()).isEqualTo("资源不存在");
        assertThat(chinese.path("detail").asText()).isEqualTo("不存在标识为 " + id + " 的承诺。");
        assertThat(english.path("title").asText()).isEqualTo("No such resource");
        assertThat(english.path("detail").asText()).isEqualTo("No commitment with id " + id + ".");
    }

    @Test
    void beanValidationSpeaksTheReadersLanguage() {
        Api admin = api().as(keys().admin());
        String body = "{\"name\":\" \"}";

        Api.Response chinese = admin.post("/api/v1/admin/api-keys", body);
        Api.Response english = admin.inEnglish().post("/api/v1/admin/api-keys", body);

        assertThat(chinese.status()).as(chinese.toString()).isEqualTo(400);
        assertThat(chinese.json().path("detail").asText()).isEqualTo("请求中有字段不符合要求。");
        assertThat(messages(chinese)).containsEntry("name", "不能为空白").containsEntry("role", "不能为空");
        assertThat(english.json().path("detail").asText()).isEqualTo("The request has invalid fields.");
        assertThat(messages(english)).containsEntry("name", "must not be blank").containsEntry("role", "must not be null");
    }

    @Test
    void aCodeTheKernelRefusesIsExplainedWithoutEchoingIt() {
        api().as(keys().admin()).put("/api/v1/units/" + UNIT, Map.of("name", "市教育局", "kind", "MUNICIPAL_DEPARTMENT"));
        Api clerk = api().as(keys().clerk(UNIT));
        long before = events();

        Api.Response chinese = clerk.post("/api/v1/commitments", COMMITMENT);
        Api.Response english = clerk.inEnglish().post("/api/v1/commitments", COMMITMENT);

        assertThat(chinese.status()).as(chinese.toString()).isEqualTo(400);
        assertThat(messages(chinese)).containsEntry("subject.code", "校验码为“4”，应为“3”");
        assertThat(messages(english)).containsEntry("subject.code", "check digit is '4' but should be '3'");
        assertThat(chinese.text() + english.text()).doesNotContain("92440305MA5H3QW294");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void springSecuritysRefusalSpeaksTheReadersLanguage() {
        JsonNode chinese = api().get("/api/v1/units").json();
        JsonNode english = api().inEnglish().get("/api/v1/units").json();

        assertThat(chinese.path("type").asText()).isEqualTo("urn:credit-ledger:problem:unauthenticated");
        assertThat(chinese.path("status").asInt()).isEqualTo(401);
        assertThat(chinese.path("title").asText()).isEqualTo("需要有效的 API 密钥");
        assertThat(chinese.path("detail").asText()).isEqualTo("请在 X-Api-Key 请求头中提供 API 密钥。");
        assertThat(english.path("title").asText()).isEqualTo("A valid API key is required");
        assertThat(english.path("detail").asText()).isEqualTo("Send your API key in the X-Api-Key header.");
    }

    /** An encoded {@code /} is refused by Tomcat itself, before any filter: its valve reads Accept-Language too. */
    @Test
    void tomcatsOwnRefusalSpeaksTheReadersLanguage() throws IOException {
        RawHttp.Answer chinese = RawHttp.send(InetAddress.getLoopbackAddress(), port, "GET /api/v1/audit%2Fdigest HTTP/1.1\r\n\r\n");
        RawHttp.Answer english = RawHttp.send(InetAddress.getLoopbackAddress(), port,
                "GET /api/v1/audit%2Fdigest HTTP/1.1\r\nAccept-Language: en-US,en;q=0.9\r\n\r\n");

        assertThat(chinese.status()).as(chinese.toString()).isEqualTo(400);
        assertThat(chinese.contentType()).startsWith("application/problem+json");
        JsonNode zh = new ObjectMapper().readTree(chinese.body());
        JsonNode en = new ObjectMapper().readTree(english.body());
        assertThat(zh.path("type").asText()).isEqualTo(en.path("type").asText()).isEqualTo("urn:credit-ledger:problem:rejected-request");
        assertThat(zh.path("title").asText()).isEqualTo("请求的路径或请求头不被接受");
        assertThat(zh.path("detail").asText()).isEqualTo("服务器无法读取此请求。");
        assertThat(en.path("title").asText()).isEqualTo("The request's path or headers are not accepted");
        assertThat(en.path("detail").asText()).isEqualTo("The server cannot read this request.");
    }

    private static Map<String, String> messages(Api.Response response) {
        Map<String, String> messages = new java.util.TreeMap<>();
        for (JsonNode error : response.json().path("errors")) {
            messages.put(error.path("field").asText(), error.path("message").asText());
        }
        assertThat(messages).as(response.toString()).isNotEmpty();
        return messages;
    }
}
