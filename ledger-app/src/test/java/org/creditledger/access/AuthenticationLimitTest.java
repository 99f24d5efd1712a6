package org.creditledger.access;

import io.micrometer.core.instrument.MeterRegistry;
import org.creditledger.LedgerApplication;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing keys is rate-limited per client address: after {@code ledger.access.failed-authentications-per-minute}
 * unknown keys an address gets 429 with {@code Retry-After} for every key it presents, valid or not, while other
 * addresses carry on.
 * Requests come from distinct loopback addresses (127.0.0.x), as from distinct clients.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.access.failed-authentications-per-minute=3")
// Its own limit needs its own context, a second node on the tests' database: closed afterwards, so it does not hold
// processor segments that the other tests' rebuilds must stop.
@DirtiesContext
class AuthenticationLimitTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    MeterRegistry meters;

    @Test
    void anAddressThatGuessesKeysIsHeldOffWhileOthersAreServed() throws UnknownHostException {
        String valid = new TestKeys(apiKeys).admin();
        InetAddress guesser = InetAddress.getByName("127.0.0.23");
        InetAddress neighbour = InetAddress.getByName("127.0.0.24");

        for (int i = 0; i < 3; i++) {
            assertThat(get(guesser, "clk_guess-" + i).status()).isEqualTo(401);
        }
        RawHttp.Answer limited = get(guesser, "clk_guess-4");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.body()).contains("urn:credit-ledger:problem:rate-limited")
                .contains("请求过于频繁").contains("来自您地址的无效 API 密钥过多");
        assertThat(Long.parseLong(limited.headers().get("retry-after"))).isBetween(1L, 60L);
        RawHttp.Answer limitedInEnglish = RawHttp.send(guesser, port,
                "GET /api/v1/units HTTP/1.1\r\nX-Api-Key: " + valid + "\r\nAccept-Language: en\r\n\r\n");
        assertThat(limitedInEnglish.status()).as("a valid key from a blocked address").isEqualTo(429);
        assertThat(limitedInEnglish.body()).contains("urn:credit-ledger:problem:rate-limited")
                .contains("Too many unknown API keys came from your address");

        assertThat(get(neighbour, valid).status()).isEqualTo(200);
        assertThat(get(neighbour, "clk_guess-5").status()).isEqualTo(401);

        assertThat(meters.get("ledger.auth.failures").tag("reason", "unknown-key").counter().count()).isEqualTo(4);
        assertThat(meters.get("ledger.auth.failures").tag("reason", "rate-limited").counter().count()).isEqualTo(2);
    }

    private RawHttp.Answer get(InetAddress from, String key) {
        return RawHttp.send(from, port, "GET /api/v1/units HTTP/1.1\r\nX-Api-Key: " + key + "\r\n\r\n");
    }
}
