package org.creditledger.apidocs.guides;

import org.creditledger.LedgerApplication;
import org.creditledger.platform.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every command of the guides ({@code api-docs/guides/*.md}) and of the READMEs runs as a reader would run it: each
 * document gets a fresh demo ledger ({@code LEDGER_DEMO=true}, its own empty data directory), and its {@code ```bash}
 * blocks run in document order with the real {@code bash} and {@code curl}, each in the document's own working
 * directory, so one guide never depends on another.
 *
 * <p>The convention a guide follows (also in {@code api-docs/README.md}):
 * <ul>
 *   <li>{@code ```bash} blocks are executed; {@code ```bash not-run} blocks are shown only (build, start, psql…);
 *       {@code ```sh}/{@code ```shell}/{@code ```console} blocks are refused. See {@link Guide}.</li>
 *   <li>Keys are {@code $ADMIN_KEY}, {@code $CLERK_KEY} (unit {@code gy-market-regulation}), {@code $AUTHORITY_KEY}
 *       (国家市场监督管理总局), {@code $COUNTER_KEY}, {@code $INSPECTOR_KEY}, {@code $MONITOR_KEY}: the demo keys the
 *       ledger prints at its first start, read from its log.</li>
 *   <li>The server is {@code http://localhost:8080}; the runner writes the test server's port instead.</li>
 *   <li>An id a later step needs is exported: {@code export ENTRY_ID=$(curl … | jq -r .entryId)}. Only exported
 *       variables reach the next block. Where {@code jq} is missing the runner supplies {@link JqLite}.</li>
 *   <li>Every {@code curl} must answer 2xx; a comment line {@code # expect: 409} right before a command makes the
 *       next {@code curl} expect exactly that status instead.</li>
 *   <li>Files a command uploads are written by an earlier block ({@code cat > file.csv <<'EOF'}).</li>
 * </ul>
 * While editing one guide: {@code ./mvnw -o -pl api-docs -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=GuidesIT -Dguides.only=counter.md -Djacoco.skip=true}.
 */
@ExtendWith(OutputCaptureExtension.class)
class GuidesIT {

    static final Map<String, String> KEY_VARIABLES = Map.of("ADMIN", "ADMIN_KEY", "UNIT_CLERK", "CLERK_KEY",
            "LIST_AUTHORITY", "AUTHORITY_KEY", "COUNTER", "COUNTER_KEY", "INSPECTOR", "INSPECTOR_KEY", "MONITOR", "MONITOR_KEY");
    private static final Pattern DEMO_KEY = Pattern.compile("^\\s+([A-Z_]+)\\s+X-Api-Key: (\\S+)", Pattern.MULTILINE);
    private static final Pattern EXPECT = Pattern.compile("(?m)^(\\s*)# expect: (\\d{3})\\s*$");
    private static final long BLOCK_TIMEOUT_MINUTES = 2;   // a hung command, not a speed limit

    @TempDir
    Path temp;

    /** The documents whose commands run: the guides, this module's README and the repository's README. */
    static Stream<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        try (Stream<Path> guides = Files.list(Path.of("guides"))) {
            guides.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        documents.add(Path.of("README.md"));
        documents.add(Path.of("../README.md"));
        // e.g. -Dguides.only=counter.md,errors.md while editing guides: the documents whose path ends so
        List<String> only = List.of(System.getProperty("guides.only", "").split(",")).stream().filter(o -> !o.isBlank()).toList();
        return documents.stream().filter(d -> only.isEmpty() || only.stream().anyMatch(o -> d.toString().endsWith(o)));
    }

    @Test
    void everyShellBlockIsMarkedRunOrNotRun() throws IOException {
        List<String> unmarked = new ArrayList<>();
        for (Path document : documents().toList()) {
            Guide.read(document).unmarkedShells().forEach(b -> unmarked.add(document + ":" + b.line() + " ```" + b.info()));
        }
        assertThat(unmarked).as("use ```bash (the guide runner runs it) or ```bash not-run (shown only)").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void everyCommandOfTheDocumentWorksAgainstAFreshDemoLedger(Path document, CapturedOutput output) throws Exception {
        Guide guide = Guide.read(document);
        if (guide.runnable().isEmpty()) {
            return;
        }
        // The one tool a reader needs that a machine with a JDK and Maven may lack; jq has a stand-in, curl has none.
        assumeTrue(onPath("curl"), () -> {
            String skipped = "GuidesIT skipped " + document + ": no curl on the PATH (Debian: apt-get install curl)";
            System.out.println(skipped);
            return skipped;
        });
        Path dataDir = temp.resolve("data");
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.data-dir=" + dataDir, "--ledger.embedded.clean-start=false", "--server.port=0", "--ledger.demo=true")) {
            int port = Integer.parseInt(ledger.getEnvironment().getProperty("local.server.port"));
            run(guide, port, demoKeys(output.getOut()));
        } finally {
            EmbeddedPostgresServer.stop(dataDir.toAbsolutePath().normalize());
        }
    }

    private void run(Guide guide, int port, Map<String, String> keys) throws IOException, InterruptedException {
        Path work = Files.createDirectories(temp.resolve("work"));
        Path state = temp.resolve("state.bash");
        Path failures = temp.resolve("failures.txt");
        Path prelude = temp.resolve("prelude.bash");
        try (var in = GuidesIT.class.getResourceAsStream("/guides/prelude.bash")) {
            Files.write(prelude, in.readAllBytes());
        }
        Files.writeString(state, "");
        Map<String, String> environment = new HashMap<>(keys);
        environment.put("GUIDE_FAILURES", failures.toString());
        environment.put("PATH", pathWithJq());
        int number = 0;
        for (Guide.Block block : guide.runnable()) {
            number++;
            Files.writeString(failures, "");
            String text = EXPECT.matcher(block.text().replace("localhost:8080", "localhost:" + port)).replaceAll("$1GUIDE_EXPECT=$2");
            String script = "source " + quote(state) + "\nsource " + quote(prelude) + "\n" + text
                    + "\nexport -p > " + quote(state) + "\n";
            ProcessBuilder bash = new ProcessBuilder("bash", "-c", script).directory(work.toFile()).redirectErrorStream(true);
            bash.environment().putAll(environment);
            Process process = bash.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(BLOCK_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(where(guide, block, number) + " did not finish within " + BLOCK_TIMEOUT_MINUTES + " minutes");
            }
            String printed = new String(out, StandardCharsets.UTF_8);
            String failed = Files.readString(failures, StandardCharsets.UTF_8);
            System.out.println("== " + where(guide, block, number) + "\n" + printed);
            if (process.exitValue() != 0 || !failed.isBlank()) {
                fail(where(guide, block, number) + " failed (exit " + process.exitValue() + ")\n" + failed
                        + "--- block ---\n" + block.text() + "--- output ---\n" + printed);
            }
        }
    }

    private static String where(Guide guide, Guide.Block block, int number) {
        return guide.file() + ":" + block.line() + " (bash block " + number + ")";
    }

    /** The demo keys as the first start prints them ("  ADMIN           X-Api-Key: clk_…"), one variable per role. */
    static Map<String, String> demoKeys(String log) {
        // the operators' log speaks Chinese by default (log.demo.loaded): "已加载演示数据：…演示 API 密钥（仅显示一次）："
        int loaded = log.lastIndexOf("已加载演示数据");
        assertThat(loaded).as("the demo data's log line with the keys").isNotNegative();
        Map<String, String> keys = new LinkedHashMap<>();
        Matcher key = DEMO_KEY.matcher(log.substring(loaded));
        while (key.find() && keys.size() < KEY_VARIABLES.size()) {
            String variable = KEY_VARIABLES.get(key.group(1));
            if (variable != null) {
                keys.putIfAbsent(variable, key.group(2));
            }
        }
        assertThat(keys.keySet()).as("a demo key per role in the log").containsExactlyInAnyOrderElementsOf(KEY_VARIABLES.values());
        return keys;
    }

    /**
     * PATH with the running JDK's {@code bin} first (a guide's {@code java} and {@code jar} are the JDK the build uses),
     * plus a stand-in {@code jq} ({@link JqLite}) when the machine has none.
     */
    private String pathWithJq() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path javaBin = Path.of(java).getParent();
        String path = (javaBin == null ? "" : javaBin + ":") + System.getenv("PATH");
        boolean standIn = "stand-in".equals(System.getProperty("guides.jq"));   // -Dguides.jq=stand-in tries JqLite here
        if (!standIn && onPath("jq")) {
            return path;
        }
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path jq = bin.resolve("jq");
        Files.writeString(jq, "#!/usr/bin/env bash\n" + quote(Path.of(java)) + " -cp " + quote(Path.of(System.getProperty("java.class.path")))
                + " " + JqLite.class.getName() + " \"$@\" || { status=$?; echo \"guide: jq $* failed\" >> \"$GUIDE_FAILURES\"; exit $status; }\n");
        if (!jq.toFile().setExecutable(true)) {
            throw new UncheckedIOException(new IOException("cannot make " + jq + " executable"));
        }
        return bin + ":" + path;
    }

    private static boolean onPath(String command) throws IOException, InterruptedException {
        return new ProcessBuilder("bash", "-c", "command -v " + command).redirectErrorStream(true).start().waitFor() == 0;
    }

    private static String quote(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}
