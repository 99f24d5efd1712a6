package org.creditledger.platform.database;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.creditledger.platform.i18n.OperatorLog;

/**
 * The embedded default: when no {@code spring.datasource.url} is configured (for example through
 * {@code SPRING_DATASOURCE_URL}), start an embedded PostgreSQL whose data live in {@code ledger.data-dir}
 * ({@code LEDGER_DATA_DIR}, default {@code ./data}) and point the datasource at it, logging in as the non-superuser
 * role that owns the ledger's tables with the password stored in the data directory. Everything after this
 * (Hikari, Flyway, Axon) sees an ordinary PostgreSQL URL, so embedded and external databases take the same path.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

    static final String DATA_DIR = "ledger.data-dir";
    static final String CLEAN_START = "ledger.embedded.clean-start";

    private final Log log;

    public EmbeddedPostgresEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        addDefaults(environment);
        // Axon's update checker calls a host on the internet; a ledger of personal data makes no such calls.
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            log.info(OperatorLog.text("log.database.external", environment.getProperty("spring.datasource.url")));
            return;
        }
        Path dataDir = Path.of(environment.getProperty(DATA_DIR, "./data")).toAbsolutePath().normalize();
        boolean cleanStart = environment.getProperty(CLEAN_START, Boolean.class, false);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrReuse(dataDir, cleanStart);
        log.info(OperatorLog.text("log.database.embedded", server.version(), String.valueOf(server.port()), dataDir.toString(),
                server.passwordFile().toString()));
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", server.jdbcUrl(),
                "spring.datasource.username", server.username(),
                "spring.datasource.password", server.password(),
                "ledger.embedded.data-dir", dataDir.toString())));
    }

    /**
     * {@code ledger-defaults.properties}: below everything a user or test sets, application properties and the
     * environment included, but above Spring Boot's {@code defaultProperties} (which Boot keeps last).
     */
    private static void addDefaults(ConfigurableEnvironment environment) {
        try {
            ResourcePropertySource defaults = new ResourcePropertySource("ledgerDefaults", "classpath:ledger-defaults.properties");
            if (environment.getPropertySources().contains("defaultProperties")) {
                environment.getPropertySources().addBefore("defaultProperties", defaults);
            } else {
                environment.getPropertySources().addLast(defaults);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ledger-defaults.properties is missing from the platform jar", e);
        }
    }
}
