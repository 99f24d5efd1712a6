package org.creditledger.readmodel;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a processor's position from the tokens Axon stores with the ledger's Jackson serializer. */
class ProjectionCatchUpTest {

    @Test
    void aGapAwareTokenIsAtItsIndex() {
        assertThat(ProjectionCatchUp.position("org.axonframework.eventhandling.GapAwareTrackingToken",
                "{\"index\":41,\"gaps\":[39]}".getBytes(StandardCharsets.UTF_8))).isEqualTo(41);
    }

    @Test
    void noTokenOrAReplayCountsAsBehind() {
        assertThat(ProjectionCatchUp.position(null, null)).isEqualTo(-1);
        assertThat(ProjectionCatchUp.position("org.axonframework.eventhandling.ReplayToken",
                "{\"tokenAtReset\":{\"index\":9},\"currentToken\":null}".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }

    @Test
    void aStoredTokenKeepsTheEventsItSkippedAsGaps() {
        ProjectionCatchUp.Token token = ProjectionCatchUp.token("org.axonframework.eventhandling.GapAwareTrackingToken",
                "{\"index\":41,\"gaps\":[37,39]}".getBytes(StandardCharsets.UTF_8));
        assertThat(token.index()).isEqualTo(41);
        assertThat(token.gaps()).containsExactlyInAnyOrder(37L, 39L);
    }

    @Test
    void anInMemoryTokenKeepsItsGaps() {
        ProjectionCatchUp.Token token = ProjectionCatchUp.Token.of(
                org.axonframework.eventhandling.GapAwareTrackingToken.newInstance(41, java.util.List.of(39L)));
        assertThat(token.index()).isEqualTo(41);
        assertThat(token.gaps()).containsExactly(39L);
        assertThat(ProjectionCatchUp.Token.of(null).index()).isEqualTo(-1);
    }
}
