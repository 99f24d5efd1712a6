package org.creditledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Real HTTP against the application under test, as one API key. Never throws on 4xx/5xx: tests assert statuses.
 * <pre>{@code
 * Api.Response r = api.as(clerkSecret).post("/api/v1/commitments", body);
 * assertThat(r.status()).isEqualTo(201);
 * assertThat(r.json().path("commitmentId").asText()).isNotBlank();
 * }</pre>
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient client;
    private final String secret;
    private final String language;

    private Api(RestClient client, String secret, String language) {
        this.client = client;
        this.secret = secret;
        this.language = language;
    }

    public static Api at(int port) {
        return new Api(RestClient.builder().baseUrl("http://localhost:" + port).build(), null, null);
    }

    /**
     * A client that gives up on an answer after {@code timeout} (a {@link java.net.http.HttpTimeoutException}), for
     * tests in which the server may hang: they must see the hang, not wait for it.
     */
    public static Api at(int port, java.time.Duration timeout) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(timeout).build();
        org.springframework.http.client.JdkClientHttpRequestFactory requests = new org.springframework.http.client.JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(timeout);
        return new Api(RestClient.builder().baseUrl("http://localhost:" + port).requestFactory(requests).build(), null, null);
    }

    /** The same server, calling with another API key ({@code null}: no key at all). */
    public Api as(String apiKeySecret) {
        return new Api(client, apiKeySecret, language);
    }

    /** The same caller, asking for English ({@code Accept-Language: en}); without it the ledger answers in Chinese. */
    public Api inEnglish() {
        return new Api(client, secret, "en");
    }

    public Response get(String path) {
        return exchange(HttpMethod.GET, path, null, h -> { });
    }

    public Response post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body, h -> { });
    }

    public Response put(String path, Object body) {
        return exchange(HttpMethod.PUT, path, body, h -> { });
    }

    /** {@code body} may be a JSON string (sent as is), or any object (serialised with Jackson). */
    public Response exchange(HttpMethod method, String path, Object body, Consumer<HttpHeaders> headers) {
        RestClient.RequestBodySpec spec = client.method(method).uri(path)
                .headers(h -> {
                    if (secret != null) {
                        h.set("X-Api-Key", secret);
                    }
                    if (language != null) {
                        h.set(HttpHeaders.ACCEPT_LANGUAGE, language);
                    }
                    headers.accept(h);
                });
        if (body != null) {
            if (body instanceof byte[] bytes) {
                spec.body(bytes);
            } else if (body instanceof org.springframework.util.MultiValueMap<?, ?> parts) {
                spec.contentType(MediaType.MULTIPART_FORM_DATA).body(parts);
            } else {
                spec.contentType(MediaType.APPLICATION_JSON).body(body instanceof String text ? text : toJson(body));
            }
        }
        return spec.exchange((request, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            return new Response(response.getStatusCode().value(), response.getHeaders(), bytes);
        });
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response with its body kept as bytes; {@link #json()} parses it. */
    public record Response(int status, HttpHeaders headers, byte[] body) {

        public JsonNode json() {
            try {
                return body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text(), e);
            }
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        public String contentType() {
            return headers.getContentType() == null ? null : headers.getContentType().toString();
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
