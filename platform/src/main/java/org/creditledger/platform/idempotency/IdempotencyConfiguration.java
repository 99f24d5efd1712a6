package org.creditledger.platform.idempotency;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.axonframework.commandhandling.CommandBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import org.creditledger.platform.i18n.OperatorLog;

/**
 * {@code Idempotency-Key} plumbing besides the filter: the settings, the command interceptor that marks a key
 * written in the command's transaction, and the recurring retention task. The task runs through db-scheduler, so one
 * node at a time deletes old keys (a repeated delete would be harmless anyway).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencySettings.class)
class IdempotencyConfiguration {

    static final String RETENTION_TASK = "idempotency-retention";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    @Autowired
    void tieCommandsToKeys(CommandBus commandBus, IdempotentRequests requests) {
        commandBus.registerHandlerInterceptor(new IdempotentWrites(requests));
    }

    @Bean
    IdempotencyRetention idempotencyRetention(IdempotentRequests requests, IdempotencySettings settings, Clock clock) {
        return new IdempotencyRetention(requests, settings, clock);
    }

    @Bean
    RecurringTask<Void> idempotencyRetentionTask(IdempotencyRetention retention, IdempotencySettings settings) {
        return Tasks.recurring(RETENTION_TASK, FixedDelay.of(settings.cleanupInterval()))
                .execute((instance, context) -> {
                    int deleted = retention.deleteExpired();
                    if (deleted > 0) {
                        log.info(OperatorLog.text("log.idempotency.deleted", deleted, settings.retention().toString()));
                    }
                });
    }
}
