package org.creditledger.platform;

import org.creditledger.LedgerHttpTest;
import org.creditledger.access.RawHttp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client keeps its connection past Tomcat's default of 100 requests ({@code server.tomcat.max-keep-alive-requests}
 * in ledger-defaults.properties): each reconnect made new buffers that the GC copied until it promoted them.
 */
class KeepAliveTest extends LedgerHttpTest {

    @Test
    void oneConnectionServesMoreThanAHundredRequests() {
        List<RawHttp.Answer> answers = RawHttp.getOnOneConnection(port, "/actuator/health", 150);

        assertThat(answers).hasSize(150).allMatch(answer -> answer.status() == 200);
        assertThat(answers).noneMatch(answer -> "close".equalsIgnoreCase(answer.headers().get("connection")));
    }
}
