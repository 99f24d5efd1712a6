package org.creditledger.commitment;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.LedgerHttpTest;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the import tests share: an admin key, units to import for, uploads, and waiting for a job to finish. */
abstract class ImportApiTest extends LedgerHttpTest {

    static final String HEADER = "unitId,type,subjectKind,subjectCode,subjectName,matter,content,signedOn,dueDate";
    static final String IMPORTS = "/api/v1/commitments/imports";
    /** Distinct subject numbers per test run, so files differ between runs and tests. */
    static final AtomicLong NEXT_SUBJECT = new AtomicLong(System.nanoTime() % 10_000_000L * 5);

    Api api;
    TestKeys keys;
    String admin;

    @BeforeEach
    void signIn() {
        api = api();
        keys = keys();
        admin = keys.admin();
    }

    String registerUnit(String name) {
        String id = "gy-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.as(admin).put("/api/v1/units/" + id, Map.of("name", name, "kind", "COUNTY")).status()).isEqualTo(201);
        return id;
    }

    /** A multipart upload of {@code content} as {@code fileName}; {@code apiKey} null sends no key. */
    Api.Response upload(String apiKey, String fileName, byte[] content) {
        return upload(apiKey, fileName, content, null);
    }

    /** The same, asking for answers in {@code language} ({@code null}: the default, Chinese). */
    Api.Response upload(String apiKey, String fileName, byte[] content, String language) {
        return uploadTo(IMPORTS, apiKey, fileName, content, language);
    }

    /** The same, to the imports at {@code imports} (letters: {@link #IMPORTS}, or outcomes). */
    Api.Response uploadTo(String imports, String apiKey, String fileName, byte[] content, String language) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return RestClient.create("http://localhost:" + port).post().uri(imports)
                .headers(h -> {
                    if (apiKey != null) {
                        h.set("X-Api-Key", apiKey);
                    }
                    if (language != null) {
                        h.set(HttpHeaders.ACCEPT_LANGUAGE, language);
                    }
                })
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body.build())
                .exchange((request, response) -> new Api.Response(response.getStatusCode().value(), response.getHeaders(),
                        response.getBody().readAllBytes()));
    }

    /**
     * Polls the job until it is neither queued nor running; every poll must be readable by {@code apiKey}. Read in
     * English, the language these tests' expected texts are written in.
     */
    JsonNode awaitDone(String apiKey, String importId) {
        return awaitDone(apiKey, importId, "en");
    }

    /** The same, read in {@code language} ({@code null}: no Accept-Language, so the default, Chinese). */
    JsonNode awaitDone(String apiKey, String importId, String language) {
        return awaitDoneAt(IMPORTS, apiKey, importId, language);
    }

    /** The same, for an import at {@code imports}. */
    JsonNode awaitDoneAt(String imports, String apiKey, String importId, String language) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Response r = api.as(apiKey).exchange(HttpMethod.GET, imports + "/" + importId + "?rowsLimit=10000", null, h -> {
                if (language != null) {
                    h.set(HttpHeaders.ACCEPT_LANGUAGE, language);
                }
            });
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            last[0] = r.json();
            return !Set.of("QUEUED", "RUNNING").contains(last[0].path("state").asText());
        });
        return last[0];
    }
}
