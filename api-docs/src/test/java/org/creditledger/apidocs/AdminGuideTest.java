package org.creditledger.apidocs;

import org.creditledger.LedgerApplication;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the admin guide lists by name is what the ledger has: a projection added in code must be added to the guide. */
// Same configuration as OpenApiDriftTest, so the classes share one cached Spring context (and one PostgreSQL).
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminGuideTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys apiKeys;

    @Test
    void theGuideNamesEveryRebuildableProjectionAndNoOther() throws IOException {
        Api.Response served = Api.at(port).as(new TestKeys(apiKeys).admin()).get("/api/v1/admin/projections");
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        Set<String> projections = new TreeSet<>(served.json().findValuesAsText("name"));

        String guide = Files.readString(Path.of("guides/admin.md"), StandardCharsets.UTF_8);
        Matcher bullet = Pattern.compile("(?ms)^- `GET /api/v1/admin/projections` lists.*?(?=^- )").matcher(guide);
        assertThat(bullet.find()).as("admin.md's bullet on GET /api/v1/admin/projections").isTrue();
        Set<String> named = new TreeSet<>();
        Matcher name = Pattern.compile("`([a-z][a-z-]*)`").matcher(bullet.group());
        while (name.find()) {
            named.add(name.group(1));
        }
        named.removeAll(Set.of("tables", "position", "processorRunning"));
        assertThat(named).as("projections named in guides/admin.md §7").isEqualTo(projections);
    }
}
