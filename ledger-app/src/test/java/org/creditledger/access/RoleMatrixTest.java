package org.creditledger.access;

import org.creditledger.LedgerApplication;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.platform.access.Role;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.platform.access.Role.ADMIN;
import static org.creditledger.platform.access.Role.COUNTER;
import static org.creditledger.platform.access.Role.INSPECTOR;
import static org.creditledger.platform.access.Role.LIST_AUTHORITY;
import static org.creditledger.platform.access.Role.MONITOR;
import static org.creditledger.platform.access.Role.UNIT_CLERK;

/**
 * The whole role × endpoint matrix over real HTTP: a role outside an endpoint's set gets 403, a role inside it never
 * gets 401/403, no key or an unknown key gets 401. The matrix must name every /api endpoint the application serves,
 * with exactly the roles its {@code @AllowedRoles} declares, so a new endpoint cannot slip past this test. The
 * metrics ({@code /actuator/prometheus}, guarded by a request rule, not by {@code @AllowedRoles}) are for ADMIN and
 * MONITOR keys only; a MONITOR key reads nothing else.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

    static final String UNIT = "gy-civil-defence";
    static final String LIST = "MATRIX_MARKET_SERIOUS_VIOLATION";
    static final String MEASURE = "MATRIX_RESTRICT_HONOURS";

    record Endpoint(HttpMethod method, String pattern, Set<Role> allowed) {
        String key() {
            return method + " " + pattern;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** The contract of API.md, endpoint by endpoint. */
    static List<Endpoint> matrix() {
        return List.of(
                new Endpoint(HttpMethod.POST, "/api/v1/admin/api-keys", EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.GET, "/api/v1/admin/api-keys", EnumSet.of(ADMIN, INSPECTOR)),
                new Endpoint(HttpMethod.DELETE, "/api/v1/admin/api-keys/{keyId}", EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.GET, "/api/v1/vocabulary", EnumSet.of(ADMIN, UNIT_CLERK, LIST_AUTHORITY, COUNTER, INSPECTOR)),
                new Endpoint(HttpMethod.PUT, "/api/v1/units/{unitId}", EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.PUT, "/api/v1/units/{unitId}/targets/{year}", EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.POST, "/api/v1/commitments", EnumSet.of(ADMIN, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/commitments", EnumSet.of(ADMIN, INSPECTOR, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/commitments/imports", EnumSet.of(ADMIN, INSPECTOR, UNIT_CLERK)),
                new Endpoint(HttpMethod.POST, "/api/v1/commitments/{commitmentId}/outcome", EnumSet.of(ADMIN, UNIT_CLERK)),
                new Endpoint(HttpMethod.POST, "/api/v1/commitments/{commitmentId}/outcome-corrections", EnumSet.of(ADMIN, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/units/{unitId}/follow-up", EnumSet.of(ADMIN, INSPECTOR, UNIT_CLERK)),
                new Endpoint(HttpMethod.POST, "/api/v1/commitments/imports", EnumSet.of(ADMIN, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/commitments/imports/{importId}", EnumSet.of(ADMIN, INSPECTOR, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/commitments/imports/template.xlsx", EnumSet.of(ADMIN, UNIT_CLERK)),
                new Endpoint(HttpMethod.POST, "/api/v1/commitments/outcomes/imports", EnumSet.of(ADMIN, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/commitments/outcomes/imports", EnumSet.of(ADMIN, INSPECTOR, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/commitments/outcomes/imports/{importId}", EnumSet.of(ADMIN, INSPECTOR, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/commitments/outcomes/imports/template.xlsx", EnumSet.of(ADMIN, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/units", EnumSet.of(ADMIN, INSPECTOR, UNIT_CLERK, LIST_AUTHORITY, COUNTER)),
                new Endpoint(HttpMethod.GET, "/api/v1/commitments/{commitmentId}", EnumSet.of(ADMIN, INSPECTOR, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/units/{unitId}/quota/{year}", EnumSet.of(ADMIN, INSPECTOR, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/quota/{year}", EnumSet.of(ADMIN, INSPECTOR)),
                new Endpoint(HttpMethod.PUT, "/api/v1/lists/{listCode}", EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.GET, "/api/v1/lists", EnumSet.of(ADMIN, INSPECTOR, UNIT_CLERK, LIST_AUTHORITY, COUNTER)),
                new Endpoint(HttpMethod.PUT, "/api/v1/measures/{measureCode}", EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.POST, "/api/v1/measures/{measureCode}/retirement", EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.GET, "/api/v1/measures", EnumSet.of(ADMIN, INSPECTOR, UNIT_CLERK, LIST_AUTHORITY, COUNTER)),
                new Endpoint(HttpMethod.POST, "/api/v1/list-entries", EnumSet.of(ADMIN, LIST_AUTHORITY)),
                new Endpoint(HttpMethod.POST, "/api/v1/list-entries/{entryId}/exit", EnumSet.of(ADMIN, LIST_AUTHORITY)),
                new Endpoint(HttpMethod.POST, "/api/v1/list-entries/{entryId}/objections", EnumSet.of(ADMIN, LIST_AUTHORITY)),
                new Endpoint(HttpMethod.POST, "/api/v1/list-entries/{entryId}/objections/{objectionId}/decision", EnumSet.of(ADMIN, LIST_AUTHORITY)),
                new Endpoint(HttpMethod.POST, "/api/v1/list-entries/{entryId}/repairs", EnumSet.of(ADMIN, LIST_AUTHORITY)),
                new Endpoint(HttpMethod.POST, "/api/v1/list-entries/{entryId}/repairs/{repairId}/decision", EnumSet.of(ADMIN, LIST_AUTHORITY)),
                new Endpoint(HttpMethod.GET, "/api/v1/list-entries/{entryId}", EnumSet.of(ADMIN, INSPECTOR, LIST_AUTHORITY, COUNTER)),
                new Endpoint(HttpMethod.GET, "/api/v1/list-entries", EnumSet.of(ADMIN, INSPECTOR, LIST_AUTHORITY, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/list-entries/pending", EnumSet.of(ADMIN, INSPECTOR, LIST_AUTHORITY)),
                new Endpoint(HttpMethod.POST, "/api/v1/joint-actions", EnumSet.of(ADMIN, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/joint-actions", EnumSet.of(ADMIN, INSPECTOR, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/joint-actions/{jointActionId}", EnumSet.of(ADMIN, INSPECTOR, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/joint-actions/stats", EnumSet.of(ADMIN, INSPECTOR, UNIT_CLERK)),
                new Endpoint(HttpMethod.POST, "/api/v1/checks", EnumSet.of(ADMIN, INSPECTOR, COUNTER)),
                new Endpoint(HttpMethod.POST, "/api/v1/checks/batch", EnumSet.of(ADMIN, INSPECTOR, COUNTER)),
                new Endpoint(HttpMethod.GET, "/api/v1/checks/{checkId}", EnumSet.of(ADMIN, INSPECTOR, COUNTER)),
                new Endpoint(HttpMethod.GET, "/api/v1/checks/stats", EnumSet.of(ADMIN, INSPECTOR)),
                new Endpoint(HttpMethod.GET, "/api/v1/statistics/monthly", EnumSet.of(ADMIN, INSPECTOR, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/subjects/{code}/timeline", EnumSet.of(ADMIN, INSPECTOR)),
                new Endpoint(HttpMethod.GET, "/api/v1/subjects/{code}/state", EnumSet.of(ADMIN, INSPECTOR)),
                new Endpoint(HttpMethod.GET, "/api/v1/aggregates/{aggregateId}/events", EnumSet.of(ADMIN, INSPECTOR)),
                new Endpoint(HttpMethod.GET, "/api/v1/audit/digest", EnumSet.of(ADMIN, INSPECTOR)),
                new Endpoint(HttpMethod.POST, "/api/v1/audit/verify", EnumSet.of(ADMIN, INSPECTOR)),
                new Endpoint(HttpMethod.GET, "/api/v1/subjects/{code}/dispute-package", EnumSet.of(ADMIN, INSPECTOR)),
                new Endpoint(HttpMethod.GET, "/api/v1/admin/projections", EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.POST, "/api/v1/admin/projections/{name}/rebuild", EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.GET, "/api/v1/admin/projections/{name}/rebuild", EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.POST, "/api/v1/public-decisions", EnumSet.of(ADMIN, UNIT_CLERK)),
                new Endpoint(HttpMethod.POST, "/api/v1/public-decisions/{decisionId}/publication", EnumSet.of(ADMIN, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/units/{unitId}/public-decisions/stats", EnumSet.of(ADMIN, INSPECTOR, UNIT_CLERK)),
                new Endpoint(HttpMethod.GET, "/api/v1/public-decisions/feed", EnumSet.of(ADMIN, INSPECTOR)));
    }

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Api api;
    final Map<Role, String> keys = new EnumMap<>(Role.class);
    final Map<String, String> pathVariables = new HashMap<>();
    /** An outcome import of the matrix's clerk (GET of an outcome import answers for outcome imports only). */
    String outcomeImportId;

    @BeforeAll
    void setUp() {
        api = Api.at(port);
        TestKeys testKeys = new TestKeys(apiKeys);
        keys.put(ADMIN, testKeys.admin());
        keys.put(UNIT_CLERK, testKeys.clerk(UNIT));
        keys.put(LIST_AUTHORITY, testKeys.listAuthority("国家市场监督管理总局"));
        keys.put(COUNTER, testKeys.counter());
        keys.put(INSPECTOR, testKeys.inspector());
        keys.put(MONITOR, testKeys.monitor());
        api.as(keys.get(ADMIN)).put("/api/v1/units/" + UNIT, Map.of("name", "市国动办", "kind", "MUNICIPAL_DEPARTMENT"));
        api.as(keys.get(ADMIN)).put("/api/v1/units/" + UNIT + "/targets/2025", Map.of("annualTarget", 50, "counting", "EACH", "quarterlyRule", true));
        String commitmentId = api.as(keys.get(UNIT_CLERK)).post("/api/v1/commitments", commitment()).json().path("commitmentId").asText();
        String importId = api.as(keys.get(UNIT_CLERK)).exchange(HttpMethod.POST, "/api/v1/commitments/imports", importFile(), h -> { })
                .json().path("importId").asText();
        outcomeImportId = api.as(keys.get(UNIT_CLERK)).exchange(HttpMethod.POST, "/api/v1/commitments/outcomes/imports",
                outcomeFile(commitmentId), h -> { }).json().path("importId").asText();
        api.as(keys.get(ADMIN)).put("/api/v1/lists/" + LIST, list());
        api.as(keys.get(ADMIN)).put("/api/v1/measures/" + MEASURE, measure());
        Api authority = api.as(keys.get(LIST_AUTHORITY));
        String entryId = authority.post("/api/v1/list-entries", listEntry()).json().path("entryId").asText();
        pathVariables.put("entryId", entryId);
        pathVariables.put("objectionId", authority.post("/api/v1/list-entries/" + entryId + "/objections", objection())
                .json().path("objectionId").asText());
        pathVariables.put("repairId", authority.post("/api/v1/list-entries/" + entryId + "/repairs", repair())
                .json().path("repairId").asText());
        String jointActionId = api.as(keys.get(UNIT_CLERK)).post("/api/v1/joint-actions", jointAction()).json().path("jointActionId").asText();
        pathVariables.put("jointActionId", jointActionId);
        // made by the matrix's COUNTER key, so that key may read it back
        pathVariables.put("checkId", api.as(keys.get(COUNTER)).post("/api/v1/checks", check()).json().path("checkId").asText());
        pathVariables.put("decisionId", api.as(keys.get(UNIT_CLERK)).post("/api/v1/public-decisions", publicDecision())
                .json().path("decisionId").asText());
        pathVariables.put("listCode", LIST);
        pathVariables.put("name", "units");
        pathVariables.put("measureCode", MEASURE);
        pathVariables.put("importId", importId);
        pathVariables.put("unitId", UNIT);
        pathVariables.put("year", "2025");
        pathVariables.put("commitmentId", commitmentId);
        pathVariables.put("code", "93510521MA6AT8LB0C");
        pathVariables.put("aggregateId", commitmentId);
    }

    static Map<String, Object> commitment() {
        return Map.of("unitId", UNIT, "type", "OTHER",
                "subject", Map.of("kind", "LEGAL_PERSON", "code", "93510521MA6AT8LB0C", "name", "苍溪县某某农民专业合作社"),
                "matter", "人防工程备案", "content", "承诺按规定建设", "signedOn", "2025-02-01");
    }

    static Map<String, Object> publicDecision() {
        return Map.of("unitId", UNIT, "kind", "PENALTY", "decisionNo", "广人防罚〔2025〕1号",
                "subject", Map.of("kind", "LEGAL_PERSON", "code", "93510521MA6AT8LB0C", "name", "苍溪县某某农民专业合作社"),
                "decidedOn", "2025-03-03", "content", "警告");
    }

    static Map<String, Object> list() {
        return Map.of("name", "市场监督管理严重违法失信名单", "colour", "BLACK", "authority", "国家市场监督管理总局",
                "legalBasis", "《市场监督管理严重违法失信名单管理办法》(国家市场监督管理总局令第44号)", "periodMonths", 36,
                "earlyRepairAllowed", true, "minMonthsBeforeRepair", 12);
    }

    static Map<String, Object> measure() {
        return Map.of("name", "限制参加评优评先", "kind", "PUNISHMENT", "domain", "HONOURS", "scope", "NATIONAL_BASE",
                "legalBasis", "国发〔2016〕33号", "listCodes", List.of(LIST));
    }

    static Map<String, Object> listEntry() {
        return Map.of("listCode", LIST, "subject", Map.of("kind", "LEGAL_PERSON", "code", "93510521MA6AT8LB0C", "name", "苍溪县某某农民专业合作社"),
                "decisionNo", "市监严失〔2024〕1号", "decidedOn", "2024-06-03", "reason", "严重违法失信", "effectiveFrom", "2024-06-03");
    }

    static Map<String, Object> check() {
        return Map.of("subjectCode", "93510521MA6AT8LB0C", "domain", "HONOURS", "matter", "市级文明单位评选");
    }

    static Map<String, Object> objection() {
        return Map.of("grounds", "处罚决定已被撤销", "filedOn", "2025-09-26");
    }

    static Map<String, Object> repair() {
        return Map.of("methods", List.of("RECTIFICATION"), "evidence", "整改报告");
    }

    /** A case on the matrix's entry: the clerk's unit applies the matrix's measure. */
    Map<String, Object> jointAction() {
        return Map.of("entryId", pathVariables.get("entryId"), "measureCode", MEASURE, "unitId", UNIT, "matter", "市级文明单位评选",
                "takenOn", "2025-03-01", "result", "取消其参评资格");
    }

    /** A one-row CSV upload; a fresh row each time, so no upload is a repeat of another. */
    static MultiValueMap<String, Object> importFile() {
        String csv = "unitId,type,subjectKind,subjectCode,subjectName,matter,content,signedOn,dueDate\n"
                + UNIT + ",OTHER,LEGAL_PERSON,93510521MA6AT8LB0C,苍溪县某某农民专业合作社,人防工程备案 " + UUID.randomUUID() + ",承诺按规定建设,2025-02-01,\n";
        return csvFile("commitments.csv", csv);
    }

    /** A multipart body whose part {@code file} is {@code csv} named {@code fileName}. */
    static MultiValueMap<String, Object> csvFile(String fileName, String csv) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return parts;
    }

    /** A one-row outcome upload for the matrix's letter; a fresh note each time, so no upload is a repeat of another. */
    static MultiValueMap<String, Object> outcomeFile(String commitmentId) {
        return csvFile("outcomes.csv", "commitmentId,outcome,occurredOn,note\n" + commitmentId + ",FULFILLED,2025-03-01,矩阵测试 " + UUID.randomUUID() + "\n");
    }

    /** A body that passes validation, so that only authorisation decides; the ids are fresh, so nothing collides. */
    Object body(Endpoint endpoint) {
        return switch (endpoint.key()) {
            case "POST /api/v1/admin/api-keys" -> Map.of("name", "matrix " + UUID.randomUUID(), "role", "COUNTER");
            case "PUT /api/v1/units/{unitId}" -> Map.of("name", "市国动办", "kind", "MUNICIPAL_DEPARTMENT");
            case "PUT /api/v1/units/{unitId}/targets/{year}" -> Map.of("annualTarget", 50, "counting", "EACH", "quarterlyRule", true);
            case "POST /api/v1/commitments" -> commitment();
            case "POST /api/v1/commitments/{commitmentId}/outcome" -> Map.of("outcome", "FULFILLED", "occurredOn", "2025-03-01");
            case "POST /api/v1/commitments/{commitmentId}/outcome-corrections" -> Map.of("outcome", "BREACHED", "occurredOn", "2025-03-01", "reason", "复核发现材料不实");
            case "POST /api/v1/commitments/imports" -> importFile();
            case "POST /api/v1/commitments/outcomes/imports" -> outcomeFile(pathVariables.get("commitmentId"));
            case "PUT /api/v1/lists/{listCode}" -> list();
            case "PUT /api/v1/measures/{measureCode}" -> measure();
            case "POST /api/v1/measures/{measureCode}/retirement" -> Map.of("reason", "矩阵测试", "effectiveOn", "2026-01-01");
            case "POST /api/v1/list-entries" -> listEntry();
            case "POST /api/v1/list-entries/{entryId}/exit" -> Map.of("reason", "OTHER", "note", "矩阵测试");
            case "POST /api/v1/list-entries/{entryId}/objections" -> objection();
            case "POST /api/v1/list-entries/{entryId}/objections/{objectionId}/decision" -> Map.of("upheld", false, "reason", "异议不成立");
            case "POST /api/v1/list-entries/{entryId}/repairs" -> repair();
            case "POST /api/v1/list-entries/{entryId}/repairs/{repairId}/decision" -> Map.of("approved", false, "reason", "材料不全");
            case "POST /api/v1/joint-actions" -> jointAction();
            case "POST /api/v1/checks" -> check();
            case "POST /api/v1/checks/batch" -> Map.of("items", List.of(check()));
            case "POST /api/v1/public-decisions" -> publicDecision();
            case "POST /api/v1/public-decisions/{decisionId}/publication" -> Map.of("publishedOn", "2025-03-05", "channel", "PORTAL");
            default -> endpoint.method() == HttpMethod.GET ? null : Map.of();
        };
    }

    String path(Endpoint endpoint) {
        String path = endpoint.pattern();
        for (Map.Entry<String, String> variable : pathVariables.entrySet()) {
            path = path.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        return switch (endpoint.key()) {
            case "GET /api/v1/joint-actions/stats" -> path + "?year=2025&unitId=" + UNIT;
            case "GET /api/v1/list-entries" -> path + "?subjectCode=93510521MA6AT8LB0C";
            case "GET /api/v1/commitments/outcomes/imports/{importId}" -> "/api/v1/commitments/outcomes/imports/" + outcomeImportId;
            case "GET /api/v1/statistics/monthly" -> path + "?year=2025&month=3&unitId=" + UNIT;
            case "GET /api/v1/units/{unitId}/public-decisions/stats" -> path + "?year=2025&month=3";
            // a measure no one has defined: retiring the matrix's own measure would change what later cases see
            case "POST /api/v1/measures/{measureCode}/retirement" -> "/api/v1/measures/MATRIX_NEVER_DEFINED/retirement";
            // a fresh key each time, so that revoking it revokes none of the matrix's keys
            case "DELETE /api/v1/admin/api-keys/{keyId}" -> "/api/v1/admin/api-keys/" + apiKeys.issue("matrix revocable", COUNTER, null, null, null).key().keyId();
            default -> path;
        };
    }

    @Test
    void theMatrixNamesEveryApiEndpointWithTheRolesItDeclares() {
        Map<String, Set<Role>> served = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : mapping.getKey().getPatternValues().stream().map(RoleMatrixTest::withoutRegex).toList()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                AllowedRoles allowed = mapping.getValue().getMethodAnnotation(AllowedRoles.class);
                assertThat(allowed).as("@AllowedRoles on " + pattern).isNotNull();
                for (var method : mapping.getKey().getMethodsCondition().getMethods()) {
                    served.put(method.name() + " " + pattern, EnumSet.copyOf(Arrays.asList(allowed.value())));
                }
            }
        }
        Map<String, Set<Role>> declared = matrix().stream().collect(Collectors.toMap(Endpoint::key, Endpoint::allowed, (a, b) -> a, TreeMap::new));
        assertThat(served).isEqualTo(declared);
    }

    /** {@code /commitments/{commitmentId:[0-9a-f]{8}-…}} as {@code /commitments/{commitmentId}}: the matrix names variables only. */
    static String withoutRegex(String pattern) {
        StringBuilder plain = new StringBuilder();
        int depth = 0;
        boolean inRegex = false;
        for (char c : pattern.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    inRegex = false;
                }
            } else if (c == ':' && depth == 1) {
                inRegex = true;
            }
            if (!inRegex || (c == '}' && depth == 0)) {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyRoleGetsWhatTheMatrixSays(Endpoint endpoint) {
        for (Role role : Role.values()) {
            Api.Response response = api.as(keys.get(role)).exchange(endpoint.method(), path(endpoint), body(endpoint), h -> { });
            if (endpoint.allowed().contains(role)) {
                assertThat(response.status()).as(role + " on " + endpoint + ": " + response).isNotIn(401, 403);
            } else {
                assertThat(response.status()).as(role + " on " + endpoint + ": " + response).isEqualTo(403);
                assertThat(response.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:forbidden");
            }
        }
    }

    @Test
    void onlyAdminAndMonitorKeysReadTheMetrics() {
        Set<Role> readers = EnumSet.of(ADMIN, MONITOR);
        for (Role role : Role.values()) {
            Api.Response response = api.as(keys.get(role)).get("/actuator/prometheus");
            if (readers.contains(role)) {
                assertThat(response.status()).as(role + ": " + response).isEqualTo(200);
                assertThat(response.contentType()).as(role.name()).startsWith("text/plain");
                assertThat(response.text()).as(role.name()).contains("ledger_check_recorded_total");
            } else {
                assertThat(response.status()).as(role + ": " + response).isEqualTo(403);
                assertThat(response.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:forbidden");
            }
        }
        for (String secret : new String[] {null, "clk_not-a-key"}) {
            Api.Response response = api.as(secret).get("/actuator/prometheus");
            assertThat(response.status()).as("key " + secret).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    /** No other actuator endpoint is served, not even to the keys that read the metrics. */
    @Test
    void noOtherActuatorEndpointIsExposed() {
        for (Role role : EnumSet.of(ADMIN, MONITOR)) {
            for (String path : new String[] {"/actuator", "/actuator/env", "/actuator/info", "/actuator/metrics",
                    "/actuator/loggers", "/actuator/heapdump", "/actuator/threaddump", "/actuator/beans"}) {
                Api.Response response = api.as(keys.get(role)).get(path);
                assertThat(response.status()).as(role + " " + path + ": " + response).isEqualTo(404);
            }
        }
        for (String path : new String[] {"/actuator/prometheus/", "/actuator/env", "/actuator"}) {
            Api.Response response = api.as(keys.get(COUNTER)).get(path);
            assertThat(response.status()).as("COUNTER " + path + ": " + response).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void noKeyOrAnUnknownKeyIs401(Endpoint endpoint) {
        for (String secret : new String[] {null, "clk_not-a-key"}) {
            Api.Response response = api.as(secret).exchange(endpoint.method(), path(endpoint), body(endpoint), h -> { });
            assertThat(response.status()).as(endpoint + " with key " + secret).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }
}
