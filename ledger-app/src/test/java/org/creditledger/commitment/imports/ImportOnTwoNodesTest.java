package org.creditledger.commitment.imports;

import org.creditledger.LedgerHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every node runs an import worker; a chunk that another node already stored must not be written twice. */
class ImportOnTwoNodesTest extends LedgerHttpTest {

    @Autowired
    ImportChunkProcessor chunks;
    @Autowired
    ImportJobStore store;
    @Autowired
    ImportsProperties limits;

    @Test
    void aChunkAnotherNodeAlreadyStoredIsSkipped() throws Exception {
        String admin = keys().admin();
        String unitId = "gy-water-" + UUID.randomUUID().toString().substring(0, 8);
        api().as(admin).put("/api/v1/units/" + unitId, Map.of("name", "市水利局", "kind", "MUNICIPAL_DEPARTMENT"));
        String csv = "unitId,type,subjectKind,subjectCode,subjectName,matter,content,signedOn,dueDate\n"
                + unitId + ",OTHER,LEGAL_PERSON,91110108MA01R7K44D,广元市某某水务有限公司,取水许可,承诺按许可取水,2025-03-01,2025-12-31\n"
                + unitId + ",OTHER,NATURAL_PERSON,11010519491231002X,张三,取水许可,承诺按许可取水,2025-03-02,\n";
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "water.csv";
            }
        });
        UUID importId = UUID.fromString(api().as(admin).exchange(HttpMethod.POST, "/api/v1/commitments/imports", parts, h -> { })
                .json().path("importId").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(importId).orElseThrow().state() == ImportJob.State.DONE);
        long events = events();
        long deadlines = jdbc.sql("select count(*) from scheduled_tasks").query(Long.class).single();

        // A second node that read the same job before the first finished now processes the same rows.
        ImportJob job = store.find(importId).orElseThrow();
        List<SheetRow> rows = new ArrayList<>();
        Path file = Files.createTempFile("two-nodes", ".csv");
        store.copyContent(importId, file);
        ImportFileReader.read(file, limits, ImportColumns.STANDARD, rows::add);
        Files.delete(file);
        chunks.process(job, rows, LocalDate.of(2025, 12, 1));

        assertThat(events()).isEqualTo(events);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks").query(Long.class).single()).isEqualTo(deadlines);
        assertThat(jdbc.sql("select count(*) from commitment_import_row where import_id = ?").param(importId).query(Long.class).single()).isEqualTo(2);
        assertThat(store.find(importId).orElseThrow().processed()).isEqualTo(2);
    }
}
