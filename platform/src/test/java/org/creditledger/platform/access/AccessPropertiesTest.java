package org.creditledger.platform.access;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.testing.SettingsBinding.defaults;
import static org.creditledger.testing.SettingsBinding.refusal;

/** The access settings as the application binds them at start: a short bootstrap secret stops the start. */
class AccessPropertiesTest {

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(AccessConfiguration.class);

    @Test
    void aBootstrapSecretShorterThan24CharactersRefusesTheStartAndSaysWhyWithoutShowingIt() {
        context.withPropertyValues("ledger.access.bootstrap-admin-key=admin-secret-23-chars!!").run(started -> {
            assertThat(started).hasFailed();
            Throwable cause = started.getStartupFailure();
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertThat(cause.getMessage()).contains("LEDGER_BOOTSTRAP_ADMIN_KEY", "at least 24 characters", "has 23")
                    .doesNotContain("admin-secret-23-chars!!");
        });
    }

    @Test
    void aBootstrapSecretOf24CharactersOrNoneAtAllIsAccepted() {
        context.withPropertyValues("ledger.access.bootstrap-admin-key=admin-secret-of-24-chars").run(started ->
                assertThat(started.getBean(AccessProperties.class).bootstrapAdminKey()).isEqualTo("admin-secret-of-24-chars"));
        context.withPropertyValues("ledger.access.bootstrap-admin-key=").run(started ->
                assertThat(started.getBean(AccessProperties.class).bootstrapAdminKey()).isNull());
    }

    @Test
    void theKeyCacheHoldsLookupsForThirtySecondsUnlessConfigured() {
        context.run(started -> assertThat(started.getBean(AccessProperties.class).keyCacheTtl()).isEqualTo(Duration.ofSeconds(30)));
        context.withPropertyValues("ledger.access.key-cache-ttl=5s").run(started ->
                assertThat(started.getBean(AccessProperties.class).keyCacheTtl()).isEqualTo(Duration.ofSeconds(5)));
        context.withPropertyValues("ledger.access.key-cache-ttl=-1s").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void theCacheTtlIsSetByTheEnvironmentVariableTheReadmeNames() {
        context.withInitializer(started -> started.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("LEDGER_ACCESS_KEY_CACHE_TTL", "7s"))))
                .run(started -> assertThat(started.getBean(AccessProperties.class).keyCacheTtl()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void anAddressMayPresentThirtyUnknownKeysPerMinuteUnlessConfiguredAndNeverFewerThanOne() {
        assertThat(defaults(AccessProperties.class).failedAuthenticationsPerMinute()).isEqualTo(30);
        assertThat(defaults(AccessProperties.class).trackedAddresses()).isEqualTo(100_000);
        assertThat(refusal(AccessProperties.class, Map.of("ledger.access.failed-authentications-per-minute", "0")))
                .isEqualTo("ledger.access.failed-authentications-per-minute: must be greater than or equal to 1");
        assertThat(refusal(AccessProperties.class, Map.of("ledger.access.tracked-addresses", "-1")))
                .isEqualTo("ledger.access.tracked-addresses: must be greater than or equal to 1");
    }

    @Test
    void theFailureLimitIsSetByTheEnvironmentVariableTheReadmeNames() {
        context.withInitializer(started -> {
                    started.getEnvironment().getPropertySources().replace(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                    Map.of("LEDGER_ACCESS_FAILED_AUTHENTICATIONS_PER_MINUTE", "5")));
                    // the build sets this limit as a system property for all tests, which would win over the variable
                    started.getEnvironment().getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
                })
                .run(started -> assertThat(started.getBean(AccessProperties.class).failedAuthenticationsPerMinute()).isEqualTo(5));
    }
}
