package org.creditledger.platform;

import org.creditledger.LedgerHttpTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client keeps its connection past Tomcat's default of 100 requests ({@code server.tomcat.max-keep-alive-requests}
 * in ledger-defaults.properties): each reconnect made new buffers that the GC copied until it promoted them.
 */
class KeepAliveTest extends LedgerHttpTest {

    @Test
    void oneConnectionServesMoreThanAHundredRequests() throws Exception {
        List<String> statuses = new ArrayList<>();
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            for (int i = 0; i < 150; i++) {
                out.write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String status = in.readLine();
                int length = -1;
                boolean chunked = false;
                boolean closes = false;
                for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
                    String name = header.substring(0, header.indexOf(':')).strip();
                    String value = header.substring(header.indexOf(':') + 1).strip();
                    if (name.equalsIgnoreCase("Content-Length")) {
                        length = Integer.parseInt(value);
                    }
                    chunked |= name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked");
                    closes |= name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close");
                }
                skipBody(in, length, chunked);
                assertThat(closes).as("request %d closes the connection", i + 1).isFalse();
                statuses.add(status);
            }
        }
        assertThat(statuses).hasSize(150).allMatch(status -> status.startsWith("HTTP/1.1 200"));
    }

    private static void skipBody(BufferedReader in, int length, boolean chunked) throws Exception {
        assertThat(length > 0 || chunked).as("the answer has a length or chunks").isTrue();
        if (!chunked) {
            assertThat(in.skip(length)).isEqualTo(length);
            return;
        }
        for (int size = Integer.parseInt(in.readLine().strip(), 16); size > 0; size = Integer.parseInt(in.readLine().strip(), 16)) {
            assertThat(in.skip(size)).isEqualTo(size);
            assertThat(in.readLine()).isEmpty();
        }
        assertThat(in.readLine()).as("the blank line after the last chunk").isEmpty();
    }
}
