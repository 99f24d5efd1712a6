package org.creditledger.platform.axon;

import org.axonframework.common.IdentifierFactory;
import org.creditledger.ids.RandomUuids;

/**
 * Axon's identifiers of messages (every event, command and deadline) as its default makes them, random UUIDs, but
 * drawn from {@link RandomUuids}: the default's {@code UUID.randomUUID()} shares one locked generator with the whole
 * JVM, and the read-model processors waited on it too. Axon finds this class through
 * {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 */
public class RandomUuidIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return RandomUuids.next().toString();
    }
}
