package org.creditledger.apidocs;

import org.creditledger.LedgerApplication;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The documentation is public: a browser without an API key gets Swagger UI and the OpenAPI document. */
// Same configuration as OpenApiDriftTest, so both classes share one cached Spring context (and one PostgreSQL).
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicDocsTest {

    @LocalServerPort
    int port;

    Api anonymous;

    @BeforeEach
    void setUp() {
        anonymous = Api.at(port).as(null);
    }

    @Test
    void swaggerUiOpensWithoutAnApiKey() {
        List<String> visited = new ArrayList<>();
        String path = "/swagger-ui.html";
        Api.Response response = anonymous.get(path);
        visited.add(response.status() + " " + path);
        while (response.status() >= 300 && response.status() < 400 && visited.size() <= 5) {
            URI location = URI.create(path).resolve(response.headers().getLocation());
            path = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
            response = anonymous.get(path);
            visited.add(response.status() + " " + path);
        }
        assertThat(response.status()).as("redirects: " + visited).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.text()).containsIgnoringCase("<html").containsIgnoringCase("swagger");
    }

    @Test
    void openApiDocumentIsJsonWithoutAnApiKey() {
        Api.Response response = anonymous.get("/v3/api-docs");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().path("openapi").asText()).startsWith("3.");
        assertThat(response.json().path("info").path("title").asText()).isNotBlank();
    }
}
