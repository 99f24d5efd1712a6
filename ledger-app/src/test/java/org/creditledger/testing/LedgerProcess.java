package org.creditledger.testing;

import org.creditledger.platform.database.EmbeddedPostgresServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A runnable jar of this build ({@code ledger-app}, {@code command-side}, {@code query-side}) started as a separate
 * JVM, for the tests that stop it the way operations would (SIGTERM) or the way a crash does ({@code kill -9}), and
 * start it again on the same database. Its output goes to a log file the test can read.
 *
 * <pre>{@code
 * EmbeddedPostgresServer database = EmbeddedPostgresServer.startOrReuse(dir, true);
 * LedgerProcess node = LedgerProcess.start("ledger-app", dir.resolve("node.log"), LedgerProcess.on(database)).awaitUp();
 * node.admin().post(...);
 * node.kill9();
 * }</pre>
 */
public final class LedgerProcess implements AutoCloseable {

    /** The bootstrap ADMIN key every process started here is given. */
    public static final String ADMIN_SECRET = "fault-tests-admin-secret-32-char";
    /** Generous, for a 2-core machine that runs several builds: a guard against a hang, not a speed claim. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;

    private LedgerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The packaged runnable jar of {@code module}, built in {@code package} before the integration tests. */
    public static Path jar(String module) {
        Path jar = Path.of("..", module, "target", module + "-0.1.0-SNAPSHOT-exec.jar").toAbsolutePath().normalize();
        assertThat(jar).as("packaged by the reactor before ledger-app's tests").exists();
        return jar;
    }

    /** The environment that points a process at {@code database} instead of an embedded PostgreSQL of its own. */
    public static Map<String, String> on(EmbeddedPostgresServer database) {
        return Map.of("SPRING_DATASOURCE_URL", database.jdbcUrl(), "SPRING_DATASOURCE_USERNAME", database.username(),
                "SPRING_DATASOURCE_PASSWORD", database.password());
    }

    /** The test's own connection to {@code database}, as the ledger's role, for comparing what the ledger answered. */
    public static JdbcClient jdbc(EmbeddedPostgresServer database) {
        return JdbcClient.create(dataSource(database));
    }

    /** A connection per use, as the ledger's role, for a test that must hold one (a lock) while the ledger runs. */
    public static DataSource dataSource(EmbeddedPostgresServer database) {
        return new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
    }

    /** Starts {@code module}'s jar on a free port with the bootstrap ADMIN key and {@code environment}; does not wait. */
    public static LedgerProcess start(String module, Path log, Map<String, String> environment) {
        try {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:-ClassUnloadingWithConcurrentMark", "-jar", jar(module).toString()) // README's options
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = new HashMap<>(Map.of("SERVER_PORT", String.valueOf(port),
                    "LEDGER_BOOTSTRAP_ADMIN_KEY", ADMIN_SECRET, "AXONIQ_UPDATE_CHECKER_DISABLED", "true"));
            env.putAll(environment);
            builder.environment().putAll(env);
            return new LedgerProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the health endpoint says UP (at most {@link #START_TIMEOUT}). */
    public LedgerProcess awaitUp() {
        Api api = Api.at(port, Duration.ofSeconds(10));
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    assertThat(process.isAlive()).as("the process is running; its log: " + log).isTrue();
                    return api.get("/actuator/health").json().path("status").asText().equals("UP");
                });
        return this;
    }

    public int port() {
        return port;
    }

    /** Calls as the bootstrap ADMIN, giving up on an answer after 30 s. */
    public Api admin() {
        return Api.at(port, Duration.ofSeconds(30)).as(ADMIN_SECRET);
    }

    public Path log() {
        return log;
    }

    public List<String> logLines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Process process() {
        return process;
    }

    /** SIGKILL: no shutdown hook, no graceful anything; returns once the process is gone. */
    public void kill9() {
        process.destroyForcibly();
        assertThat(process.onExit().orTimeout(30, TimeUnit.SECONDS).join().isAlive()).isFalse();
    }

    /** SIGTERM, then waits for the exit; true if it exited within {@code timeout}. */
    public boolean stop(Duration timeout) {
        process.destroy();
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops a process the test left running: SIGTERM, and SIGKILL if it has not exited after 60 s. */
    @Override
    public void close() {
        if (process.isAlive() && !stop(Duration.ofSeconds(60))) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
