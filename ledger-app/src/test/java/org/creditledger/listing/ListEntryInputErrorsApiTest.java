package org.creditledger.listing;

import org.creditledger.LedgerHttpTest;
import org.creditledger.testing.Api;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.BeforeEach;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad list-entry input gets problem+json with the right status and field, and writes no event. */
class ListEntryInputErrorsApiTest extends LedgerHttpTest {

    static final String LIST = "INPUT_ERRORS_MARKET_SERIOUS";
    static final String VALID = """
            {"listCode":"INPUT_ERRORS_MARKET_SERIOUS",
             "subject":{"kind":"LEGAL_PERSON","code":"91510802MA6AT8LB0X","name":"广元市某某食品有限公司"},
             "decisionNo":"广市监严失〔2024〕12号","decidedOn":"2024-06-03","reason":"严重违法失信",
             "effectiveFrom":"2024-06-03"}""";

    Api authority;

    @BeforeEach
    void setUp() {
        api().as(keys().admin()).put("/api/v1/lists/" + LIST, Map.of("name", "市场监督管理严重违法失信名单", "colour", "BLACK",
                "authority", ListEntryApiTest.AUTHORITY, "legalBasis", "国家市场监督管理总局令第44号", "periodMonths", 36,
                "earlyRepairAllowed", true));
        authority = api().as(keys().listAuthority(ListEntryApiTest.AUTHORITY));
    }

    static String valid() {
        return VALID.replace("91510802MA6AT8LB0X", org.creditledger.subject.SubjectCodes.usccFor(4711, false));
    }

    static Stream<Arguments> badBodies() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        String code = org.creditledger.subject.SubjectCodes.usccFor(4711, false);
        String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        return Stream.of(
                Arguments.of("unknown list", valid().replace(LIST, "NO_SUCH_LIST"), 422, "urn:credit-ledger:problem:unprocessable", "listCode"),
                Arguments.of("malformed list code", valid().replace(LIST, "no such list"), 400, "urn:credit-ledger:problem:validation", "listCode"),
                Arguments.of("wrong USCC check digit", valid().replace(code, wrongCheck), 400, "urn:credit-ledger:problem:validation", "subject.code"),
                Arguments.of("effectiveUntil before effectiveFrom", valid().replace("\"effectiveFrom\":\"2024-06-03\"",
                        "\"effectiveFrom\":\"2024-06-03\",\"effectiveUntil\":\"2024-06-01\""), 400, "urn:credit-ledger:problem:validation", "effectiveUntil"),
                Arguments.of("decided in the future", valid().replace("\"decidedOn\":\"2024-06-03\"", "\"decidedOn\":\"" + tomorrow + "\""),
                        400, "urn:credit-ledger:problem:validation", "decidedOn"),
                Arguments.of("missing decision number", valid().replace("\"decisionNo\":\"广市监严失〔2024〕12号\",", ""), 400, "urn:credit-ledger:problem:validation", "decisionNo"),
                Arguments.of("unknown subject kind", valid().replace("LEGAL_PERSON", "ALIEN"), 400, "urn:credit-ledger:problem:validation", "subject.kind"),
                Arguments.of("malformed JSON", "{\"listCode\": ", 400, "urn:credit-ledger:problem:malformed-request", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void aBadEntryIsRefusedAndWritesNothing(String name, String body, int status, String type, String field) {
        long before = events();
        Api.Response response = authority.post("/api/v1/list-entries", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo(type);
        if (field != null) {
            assertThat(response.json().path("errors").findValuesAsText("field")).contains(field);
        }
        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest(name = "exit: {0}")
    @MethodSource("badExits")
    void aBadExitIsRefusedAndWritesNothing(String name, String body, String field) {
        Api.Response entered = authority.post("/api/v1/list-entries",
                valid().replace(org.creditledger.subject.SubjectCodes.usccFor(4711, false),
                        org.creditledger.subject.SubjectCodes.usccFor(System.nanoTime() % 90_000_000L + 1_000, false)));
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        long before = events();
        Api.Response response = authority.post("/api/v1/list-entries/" + entered.json().path("entryId").asText() + "/exit", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsText("field")).contains(field);
        assertThat(events()).isEqualTo(before);
    }

    static Stream<Arguments> badExits() {
        return Stream.of(
                Arguments.of("unknown reason", "{\"reason\":\"BRIBED\"}", "reason"),
                Arguments.of("a reason with its own path", "{\"reason\":\"REPAIRED\"}", "reason"),
                Arguments.of("court order without a document", "{\"reason\":\"COURT_ORDER\"}", "documentNo"));
    }
}
