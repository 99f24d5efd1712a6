package org.creditledger.apidocs.guides;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the guide runner reads a guide, and its stand-in jq, without starting a ledger. */
class GuideTest {

    @Test
    void bashBlocksRunInDocumentOrderAndNotRunOnesAreOnlyShown() {
        List<Guide.Block> blocks = Guide.blocks("""
                # Guide
                ```bash not-run
                java -jar ledger.jar
                ```
                text
                ```bash
                curl -s http://localhost:8080/api/v1/units
                ```
                ```json
                {"unitId": "gy-education"}
                ```
                ````bash
                cat > a.md <<'EOF'
                ```
                EOF
                ````
                ```sh
                curl -s http://localhost:8080/api/v1/lists
                ```
                """);
        assertThat(blocks).extracting(Guide.Block::line).containsExactly(2, 6, 9, 12, 17);
        assertThat(blocks).extracting(Guide.Block::runs).containsExactly(false, true, false, true, false);
        assertThat(blocks).extracting(Guide.Block::unmarkedShell).containsExactly(false, false, false, false, true);
        assertThat(blocks.get(3).text()).isEqualTo("cat > a.md <<'EOF'\n```\nEOF\n");
    }

    @Test
    void theStandInJqReadsPathsAsJqDoes() throws Exception {
        String json = """
                {"commitmentId": "6c1f", "items": [{"entryId": "e1", "n": 1}, {"entryId": "e2", "n": 2}], "ok": true}""";
        assertThat(jq(json, "-r", ".commitmentId")).isEqualTo("6c1f\n");
        assertThat(jq(json, ".commitmentId")).isEqualTo("\"6c1f\"\n");
        assertThat(jq(json, "-r", ".items[1].entryId")).isEqualTo("e2\n");
        assertThat(jq(json, "-r", ".items[].n")).isEqualTo("1\n2\n");
        assertThat(jq(json, "-r", ".missing")).isEqualTo("null\n");
        assertThat(jq(json, ".ok")).isEqualTo("true\n");
        assertThat(jq("[{\"a\":\"x\"}]", "-r", ".[0].a")).isEqualTo("x\n");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("digest", ".json");
        java.nio.file.Files.writeString(file, "{\"lastGlobalIndex\": 104, \"digest\": \"9f3c\"}");
        assertThat(jq("", "-r", ".lastGlobalIndex", file.toString())).isEqualTo("104\n");
    }

    @Test
    void theStandInJqRefusesWhatItCannotDoInsteadOfGuessing() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = JqLite.run(new String[]{".items | length"}, new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("only paths like .items[0].entryId are supported");
    }

    private static String jq(String input, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = JqLite.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
