package org.creditledger.platform.access;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.platform.i18n.OperatorLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * With {@code LEDGER_BOOTSTRAP_ADMIN_KEY} set and no key stored yet, creates the first ADMIN key with that secret
 * (recorded as issued by {@code system}). {@link AccessProperties} has already refused a secret under 24 characters.
 * Whether a ledger is left with no key at all is told once the start is over ({@link ApplicationReadyEvent}, after
 * every runner): the demo data issue their keys in a later runner, and a warning before them would be false.
 */
@Component
@Order(0)
class BootstrapAdminKey implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);

    private final ApiKeys apiKeys;
    private final String secret;

    BootstrapAdminKey(ApiKeys apiKeys, AccessProperties properties) {
        this.apiKeys = apiKeys;
        this.secret = properties.bootstrapAdminKey();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (secret != null && apiKeys.none()) {
            try {
                apiKeys.store(new ApiKeys.NewKey("bootstrap admin", Role.ADMIN, null, null, null), secret,
                        LedgerMetadata.system("bootstrap ADMIN key from LEDGER_BOOTSTRAP_ADMIN_KEY", null), null);
                log.info(OperatorLog.text("log.access.bootstrap-created"));
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                log.info(OperatorLog.text("log.access.bootstrap-by-other"));
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenNoKeyExists() {
        if (apiKeys.none()) {
            log.warn(OperatorLog.text("log.access.no-key", AccessProperties.MIN_BOOTSTRAP_SECRET_LENGTH));
        }
    }
}
