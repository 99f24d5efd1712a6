package org.creditledger.platform.axon;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RandomUuidIdentifierFactoryTest {

    @Test
    void axonFindsItAndItsMessagesGetRandomUuids() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(RandomUuidIdentifierFactory.class);
        String identifier = GenericEventMessage.asEventMessage("an event").getIdentifier();
        assertThat(UUID.fromString(identifier).version()).isEqualTo(4);
        assertThat(identifier).isNotEqualTo(GenericEventMessage.asEventMessage("an event").getIdentifier());
    }
}
