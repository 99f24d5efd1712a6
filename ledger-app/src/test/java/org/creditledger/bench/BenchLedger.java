package org.creditledger.bench;

import org.creditledger.LedgerApplication;
import org.creditledger.platform.database.EmbeddedPostgresServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The prelude every benchmark shares: a heading with the date and the machine's facts, then a whole ledger on a fresh
 * embedded PostgreSQL in a temporary directory, stopped and deleted afterwards. A benchmark's main is its heading,
 * its parameters and a body; the process exits 1 if the body throws.
 */
record BenchLedger(Path dir, ConfigurableApplicationContext app) {

    interface Body {
        void run(BenchLedger ledger) throws Exception;
    }

    /** Properties every benchmark's ledger gets: its own data, any free port, quiet logs. */
    private static Map<String, Object> defaults(Path dir) {
        return Map.of(
                "ledger.data-dir", dir.resolve("pgdata").toString(),
                "ledger.embedded.clean-start", "true",
                "server.port", "0",
                "logging.level.root", "WARN",
                "spring.main.banner-mode", "off");
    }

    static void run(String title, String parameters, Map<String, String> properties, Body body) throws Exception {
        Path dir = Files.createTempDirectory("ledger-bench");
        System.out.println("# " + title + " — " + ZonedDateTime.now());
        machineFacts();
        System.out.println(parameters + "; PostgreSQL data in " + dir);
        Map<String, Object> all = new HashMap<>(defaults(dir));
        all.putAll(properties);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class).properties(all).run();
        int exit = 0;
        try {
            body.run(new BenchLedger(dir, app));
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            app.close();
            EmbeddedPostgresServer.stop(dir.resolve("pgdata"));
            FileSystemUtils.deleteRecursively(dir);
        }
        System.exit(exit);
    }

    int port() {
        return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    static void machineFacts() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> l.replaceAll("\\s+", " ")).orElse("unknown");
        System.out.printf(Locale.ROOT, "machine: nproc=%d; cpu=%s; %s; java=%s (%s); max heap=%d MB; load average %s%n",
                Runtime.getRuntime().availableProcessors(), cpu, mem, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                Files.readString(Path.of("/proc/loadavg")).strip());
    }
}
