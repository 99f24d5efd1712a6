package org.creditledger.audit.chain;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ledger.audit.chain.*}: the defaults docs/audit-chain.md states, README's environment names, and validation. */
class AuditChainSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(AuditChainConfiguration.class);

    @Test
    void unsetTheChainFollowsEvery200msSkipsGapsAfter60sAndWaitsUpTo2s() {
        context.run(run -> assertThat(run.getBean(AuditChainSettings.class))
                .isEqualTo(new AuditChainSettings(Duration.ofMillis(200), Duration.ofSeconds(60), 10_000, Duration.ofSeconds(2), Duration.ofMillis(50))));
    }

    @Test
    void theEnvironmentVariablesTheReadmeNamesSetThem() {
        context.withInitializer(app -> app.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "LEDGER_AUDIT_CHAIN_INTERVAL", "1s",
                        "LEDGER_AUDIT_CHAIN_GAP_TIMEOUT", "5m",
                        "LEDGER_AUDIT_CHAIN_BATCH_SIZE", "500",
                        "LEDGER_AUDIT_CHAIN_CATCH_UP_TIMEOUT", "3s",
                        "LEDGER_AUDIT_CHAIN_LINGER", "10ms"))))
                .run(run -> assertThat(run.getBean(AuditChainSettings.class))
                        .isEqualTo(new AuditChainSettings(Duration.ofSeconds(1), Duration.ofMinutes(5), 500, Duration.ofSeconds(3), Duration.ofMillis(10))));
    }

    @Test
    void aBatchOfNoEventsKeepsTheLedgerFromStarting() {
        context.withPropertyValues("ledger.audit.chain.batch-size=0")
                .run(run -> assertThat(run).hasFailed().getFailure().rootCause().hasMessageContaining("batchSize"));
    }
}
