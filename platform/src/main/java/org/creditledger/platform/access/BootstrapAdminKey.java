package org.creditledger.platform.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** With {@code LEDGER_BOOTSTRAP_ADMIN_KEY} set and no key stored yet, creates the first ADMIN key with that secret. */
@Component
@Order(0)
class BootstrapAdminKey implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);

    private final ApiKeys apiKeys;
    private final String secret;

    BootstrapAdminKey(ApiKeys apiKeys, @Value("${ledger.bootstrap-admin-key:}") String secret) {
        this.apiKeys = apiKeys;
        this.secret = secret;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (secret.isBlank()) {
            if (apiKeys.none()) {
                log.warn("No API key exists yet. Set LEDGER_BOOTSTRAP_ADMIN_KEY=<secret> (or LEDGER_DEMO=true) to create the first ADMIN key.");
            }
            return;
        }
        if (apiKeys.none()) {
            try {
                apiKeys.store("bootstrap admin", Role.ADMIN, null, null, secret, null);
                log.info("Created the bootstrap ADMIN key from LEDGER_BOOTSTRAP_ADMIN_KEY.");
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                log.info("The bootstrap ADMIN key was created by another node starting at the same time.");
            }
        }
    }
}
