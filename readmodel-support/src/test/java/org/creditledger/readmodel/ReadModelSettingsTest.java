package org.creditledger.readmodel;

import org.creditledger.readmodel.rebuild.RebuildSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The read-model settings as the application binds them at start: today's defaults, and wrong values stop the start. */
class ReadModelSettingsTest {

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(ReadModelConfiguration.class);

    @Test
    void theDefaultsAreTheOnesTheReadmeNames() {
        context.run(started -> {
            assertThat(started.getBean(ReadModelSettings.class))
                    .isEqualTo(new ReadModelSettings(200, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMillis(50)));
            assertThat(started.getBean(RebuildSettings.class)).isEqualTo(new RebuildSettings(1000, Duration.ofSeconds(5)));
        });
    }

    @Test
    void eachSettingIsReadFromItsKey() {
        context.withPropertyValues("ledger.read.batch-size=50", "ledger.read.event-availability-timeout=1s",
                "ledger.read.catch-up-timeout=0s", "ledger.read.linger=0s", "ledger.rebuild.batch-size=10", "ledger.rebuild.lock-timeout=250ms").run(started -> {
            assertThat(started.getBean(ReadModelSettings.class))
                    .isEqualTo(new ReadModelSettings(50, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO));
            assertThat(started.getBean(RebuildSettings.class)).isEqualTo(new RebuildSettings(10, Duration.ofMillis(250)));
        });
    }

    @Test
    void valuesThatCannotWorkStopTheStartNamingTheKey() {
        for (String wrong : new String[] {"ledger.read.batch-size=0", "ledger.read.event-availability-timeout=0s",
                "ledger.read.catch-up-timeout=-1s", "ledger.read.linger=2s", "ledger.rebuild.batch-size=0", "ledger.rebuild.lock-timeout=0s"}) {
            context.withPropertyValues(wrong).run(started -> {
                assertThat(started).as(wrong).hasFailed();
                assertThat(rootMessage(started.getStartupFailure())).as(wrong).contains(wrong.substring(0, wrong.indexOf('=')));
            });
        }
    }

    static String rootMessage(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
