package org.creditledger.platform.axon;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Sends a command with the who/why metadata of the request that caused it, and waits for the result.
 * Business exceptions from handlers reach the caller as they were thrown.
 */
@Component
public class LedgerCommands {

    private final CommandGateway commandGateway;

    public LedgerCommands(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public <R> R send(Object command, LedgerMetadata metadata) {
        try {
            return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata.toMetaData()));
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
