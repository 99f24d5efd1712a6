package org.creditledger.platform;

import org.creditledger.platform.i18n.OperatorLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started the ledger where its data live and where to read the API, in the ledger's language. */
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
        String where = dataDir != null ? OperatorLog.text("log.startup.embedded", dataDir)
                : OperatorLog.text("log.startup.external", environment.getProperty("spring.datasource.url"));
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info(OperatorLog.text("log.startup.ready", where, port));
    }
}
