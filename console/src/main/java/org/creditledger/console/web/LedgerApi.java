package org.creditledger.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditledger.console.ConsoleProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's way to the ledger: its own HTTP API, called with the signed-in person's key. Going through the API
 * rather than around it is the point: a page can do nothing the key could not do with curl, every write passes the same
 * validation, aggregates and events (with the same who/when/why), and every refusal is the API's own problem, worded in
 * the page's language. The cost is one loopback request per page action, negligible beside a person's clicks.
 */
@Component
public class LedgerApi {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    private final WebServerApplicationContext server;
    private final ConsoleProperties properties;
    private final ObjectMapper json;
    private volatile RestClient client;

    public LedgerApi(WebServerApplicationContext server, ConsoleProperties properties, ObjectMapper json) {
        this.server = server;
        this.properties = properties;
        this.json = json;
    }

    /** Calls made with {@code apiKey}, asking for answers in {@code locale}. */
    public Calls as(String apiKey, Locale locale) {
        return new Calls(client(), apiKey, locale.toLanguageTag());
    }

    private RestClient client() {
        RestClient current = client;
        if (current == null) {
            URI base = properties.apiBaseUrl() != null ? properties.apiBaseUrl()
                    : URI.create("http://127.0.0.1:" + server.getWebServer().getPort());
            JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                    .connectTimeout(properties.apiTimeout()).build());
            requests.setReadTimeout(properties.apiTimeout());
            current = RestClient.builder().baseUrl(base.toString() + "/api/v1").requestFactory(requests)
                    .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                        throw problem(response.getStatusCode().value(), response.getBody().readAllBytes());
                    })
                    .build();
            client = current;
        }
        return current;
    }

    private ApiProblem problem(int status, byte[] body) {
        try {
            JsonNode problem = json.readTree(body);
            Map<String, String> fields = new LinkedHashMap<>();
            problem.path("errors").forEach(error -> fields.merge(error.path("field").asText(), error.path("message").asText(),
                    (first, second) -> first + "；" + second));
            return new ApiProblem(status, problem.path("type").asText(""), problem.path("title").asText(""),
                    problem.path("detail").asText(""), fields);
        } catch (IOException | RuntimeException notJson) {
            return new ApiProblem(status, "", "", new String(body, StandardCharsets.UTF_8), Map.of());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> answer) {
        return answer == null ? (Map<String, Object>) JsonObject.of(Map.of()) : (Map<String, Object>) JsonObject.of(answer);
    }

    /** One person's calls; every method throws {@link ApiProblem} for a non-2xx answer. */
    public static final class Calls {
        private final RestClient client;
        private final String apiKey;
        private final String language;
        private final String idempotencyKey;

        private Calls(RestClient client, String apiKey, String language) {
            this(client, apiKey, language, null);
        }

        private Calls(RestClient client, String apiKey, String language, String idempotencyKey) {
            this.client = client;
            this.apiKey = apiKey;
            this.language = language;
            this.idempotencyKey = idempotencyKey;
        }

        /**
         * The same calls with an {@code Idempotency-Key}: forms carry one made when the form was drawn, so a
         * submit clicked twice, or resent after a timeout, writes once.
         */
        public Calls once(String key) {
            return key == null || key.isBlank() ? this : new Calls(client, apiKey, language, key);
        }

        private RestClient.RequestHeadersSpec<?> headers(RestClient.RequestHeadersSpec<?> request) {
            request.header("X-Api-Key", apiKey).header(HttpHeaders.ACCEPT_LANGUAGE, language);
            return idempotencyKey == null ? request : request.header("Idempotency-Key", idempotencyKey);
        }

        /** A JSON object answer of {@code GET path} ({@code path} is a URI template, expanded with {@code variables}). */
        public Map<String, Object> get(String path, Object... variables) {
            return object(headers(client.get().uri(path, variables).accept(MediaType.APPLICATION_JSON)).retrieve().body(OBJECT));
        }

        /** A JSON array answer of {@code GET path}. */
        public List<Map<String, Object>> getList(String path, Object... variables) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) JsonObject.of(headers(client.get().uri(path, variables)
                    .accept(MediaType.APPLICATION_JSON)).retrieve().body(new ParameterizedTypeReference<List<Map<String, Object>>>() { }));
            return list;
        }

        /** A file ({@code GET path} with {@code Accept: accept}): its bytes. */
        public byte[] download(MediaType accept, String path, Object... variables) {
            return headers(client.get().uri(path, variables).accept(accept)).retrieve().body(byte[].class);
        }

        /** {@code POST path} with a JSON body; the JSON object answer (empty when there is none). */
        public Map<String, Object> post(Object body, String path, Object... variables) {
            Map<String, Object> answer = ((RestClient.RequestBodySpec) headers(client.post().uri(path, variables)))
                    .contentType(MediaType.APPLICATION_JSON).body(body).accept(MediaType.APPLICATION_JSON)
                    .retrieve().body(OBJECT);
            return object(answer);
        }

        /** {@code PUT path} with a JSON body. */
        public Map<String, Object> put(Object body, String path, Object... variables) {
            Map<String, Object> answer = ((RestClient.RequestBodySpec) headers(client.put().uri(path, variables)))
                    .contentType(MediaType.APPLICATION_JSON).body(body).accept(MediaType.APPLICATION_JSON)
                    .retrieve().body(OBJECT);
            return object(answer);
        }

        /** {@code DELETE path}. */
        public void delete(String path, Object... variables) {
            headers(client.delete().uri(path, variables)).retrieve().toBodilessEntity();
        }

        /** {@code POST path} with a multipart form ({@code parts}: field name → value or resource). */
        public Map<String, Object> postMultipart(LinkedMultiValueMap<String, Object> parts, String path, Object... variables) {
            Map<String, Object> answer = ((RestClient.RequestBodySpec) headers(client.post().uri(path, variables)))
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).accept(MediaType.APPLICATION_JSON)
                    .retrieve().body(OBJECT);
            return object(answer);
        }
    }
}
