package org.creditledger.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.LedgerApplication;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The committed {@code api-docs/openapi.yaml} is exactly what the running ledger serves at {@code /v3/api-docs.yaml}.
 * When a controller changes, this test fails with a short diff; regenerate with
 * {@code ./mvnw -pl api-docs verify -Dopenapi.update=true} and commit the new file with the change.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDriftTest {

    static final Path COMMITTED = Path.of(System.getProperty("openapi.file", "openapi.yaml"));
    static final String REGENERATE = "./mvnw -pl api-docs verify -Dopenapi.update=true\n    "
            + "(from your working tree's sources, not ~/.m2: ./mvnw -pl api-docs -am verify -Dopenapi.update=true"
            + " -Dtest='**/apidocs/*Test' -Dsurefire.failIfNoSpecifiedTests=false)";

    /** The /api/v1 paths of shared/API.md that exist in the code today. More may exist; none may go missing. */
    static final List<String> PATHS_OF_API_MD = List.of(
            "/api/v1/admin/api-keys",
            "/api/v1/units/{unitId}",
            "/api/v1/units/{unitId}/targets/{year}",
            "/api/v1/commitments",
            "/api/v1/commitments/{commitmentId}/outcome");

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @LocalServerPort
    int port;

    Api anonymous;

    @BeforeEach
    void setUp() {
        anonymous = Api.at(port).as(null);
    }

    @Test
    void committedDocumentMatchesTheServedOne() throws IOException {
        Api.Response served = anonymous.get("/v3/api-docs.yaml");
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        String actual = normalise(served.text());

        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, actual, StandardCharsets.UTF_8);
            System.out.println("openapi.update=true: wrote the served document to " + COMMITTED.toAbsolutePath());
            return;
        }
        if (!Files.exists(COMMITTED)) {
            fail(COMMITTED.toAbsolutePath() + " does not exist. Create it with: " + REGENERATE);
        }
        String expected = normalise(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        if (!expected.equals(actual)) {
            fail("api-docs/openapi.yaml differs from the document the ledger serves at /v3/api-docs.yaml.\n"
                    + "If the API change is intended, regenerate and commit the file:\n    " + REGENERATE + "\n\n"
                    + Diff.unified("openapi.yaml (committed)", expected, "/v3/api-docs.yaml (served)", actual, 3, 60));
        }
    }

    @Test
    void theDocumentNamesARelativeServerSoItIsTheSameOnEveryPort() {
        JsonNode servers = document().path("servers");
        assertThat(servers.size()).as(servers.toString()).isEqualTo(1);
        assertThat(servers.get(0).path("url").asText()).isEqualTo("/");
    }

    @Test
    void everyApiOperationRequiresTheApiKeyHeader() {
        JsonNode doc = document();
        JsonNode scheme = doc.path("components").path("securitySchemes").path("apiKey");
        assertThat(scheme.path("type").asText()).isEqualTo("apiKey");
        assertThat(scheme.path("in").asText()).isEqualTo("header");
        assertThat(scheme.path("name").asText()).isEqualTo("X-Api-Key");
        assertThat(requiresApiKey(doc.path("security"))).as("global security " + doc.path("security")).isTrue();

        List<String> operations = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!HTTP_METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                JsonNode own = op.getValue().get("security");
                if (own != null && !requiresApiKey(own)) {
                    open.add(name + " security=" + own);
                }
            }
        }
        assertThat(operations).as("operations under /api/v1").isNotEmpty();
        assertThat(open).as("operations that override the global apiKey requirement").isEmpty();
    }

    @Test
    void thePathsOfTheContractThatExistTodayAreDocumented() {
        JsonNode paths = document().path("paths");
        assertThat(PATHS_OF_API_MD).allSatisfy(path -> assertThat(paths.has(path)).as(path + " in /v3/api-docs").isTrue());
        assertThat(paths.path("/api/v1/units/{unitId}").has("put")).isTrue();
        assertThat(paths.path("/api/v1/units/{unitId}/targets/{year}").has("put")).isTrue();
        assertThat(paths.path("/api/v1/admin/api-keys").has("post")).isTrue();
        assertThat(paths.path("/api/v1/commitments").has("post")).isTrue();
        assertThat(paths.path("/api/v1/commitments/{commitmentId}/outcome").has("post")).isTrue();
    }

    /**
     * What a generated client needs: every {@code $ref} names a schema the document defines (Problem included), every
     * operation has a unique operationId (its method name in a client), a summary and a success response, and every
     * error response is a problem. {@code .ci/run} also lints the committed file with Redocly's recommended rules.
     */
    @Test
    void aClientGeneratorFindsEveryOperationNamedSummarisedAndEveryReferenceDefined() {
        JsonNode doc = document();
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(schemas.path("Problem").path("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors");
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).as("$refs").isNotEmpty()
                .allSatisfy(ref -> assertThat(schemas.has(ref.substring("#/components/schemas/".length())))
                        .as(ref + " is defined").isTrue());

        Map<String, String> operationIds = new java.util.HashMap<>();
        List<String> flaws = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!HTTP_METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                String operationId = op.getValue().path("operationId").asText();
                String other = operationIds.put(operationId, name);
                if (other != null || operationId.isEmpty() || operationId.matches(".*_\\d+")) {
                    flaws.add(name + ": operationId '" + operationId + "' is missing, numbered or also " + other
                            + " (give the handler @Operation(operationId = ...))");
                }
                if (op.getValue().path("summary").asText().isBlank()) {
                    flaws.add(name + ": no summary (give the handler @Operation(summary = ...))");
                }
                List<String> statuses = new ArrayList<>();
                op.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
                if (statuses.stream().noneMatch(status -> status.startsWith("2"))) {
                    flaws.add(name + ": no 2xx response " + statuses);
                }
                op.getValue().path("responses").fields().forEachRemaining(response -> {
                    if (response.getKey().matches("[45].*") && !response.getValue().path("content")
                            .path("application/problem+json").path("schema").path("$ref").asText().equals("#/components/schemas/Problem")) {
                        flaws.add(name + ": " + response.getKey() + " is not a Problem");
                    }
                });
            }
        }
        assertThat(flaws).isEmpty();
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.path("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    private JsonNode document() {
        Api.Response docs = anonymous.get("/v3/api-docs");
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        return docs.json();
    }

    /** A security list requires the key when one of its alternatives names {@code apiKey}; {@code []} means public. */
    private static boolean requiresApiKey(JsonNode security) {
        if (!security.isArray() || security.isEmpty()) {
            return false;
        }
        for (JsonNode alternative : security) {
            if (!alternative.has("apiKey")) {
                return false;
            }
        }
        return true;
    }

    /** Line endings and the final newline must not count as drift. */
    static String normalise(String text) {
        String lf = text.replace("\r\n", "\n").replace('\r', '\n');
        return lf.stripTrailing() + "\n";
    }
}
