package org.creditledger.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started the ledger where its data live and where to read the API. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment environment;

    StartupReport(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        String dataDir = environment.getProperty("ledger.embedded.data-dir");
        String where = dataDir != null ? "embedded PostgreSQL, data in " + dataDir : "PostgreSQL at " + environment.getProperty("spring.datasource.url");
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("Ledger ready: {}. Swagger UI: http://localhost:{}/swagger-ui.html", where, port);
    }
}
