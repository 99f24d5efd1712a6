package org.creditledger.commitment.command;

import org.axonframework.config.EventProcessingConfigurer;
import org.creditledger.platform.axon.LookupTableProcessors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The letter-number table changes in the transaction that appends the letter's event (a subscribing processor), and
 * its failures must fail the command: the default listener error handler only logs, which would store the second
 * letter with a number its unit already used. The letters' lookup ({@link CommitmentLetters}) likewise: a letter
 * whose row failed must not be stored, or a repair naming it would be refused as unknown.
 */
@Configuration(proxyBeanMethods = false)
class CommitmentCommandConfiguration {

    @Autowired
    void subscribeLookupTables(EventProcessingConfigurer processing) {
        LookupTableProcessors.register(processing, LetterNumbers.PROCESSING_GROUP);
        LookupTableProcessors.register(processing, CommitmentLetters.PROCESSING_GROUP);
    }
}
