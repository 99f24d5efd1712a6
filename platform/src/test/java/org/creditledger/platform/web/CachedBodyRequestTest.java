package org.creditledger.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A body is read once and can be read again; a body without a declared length is counted against the limit. */
class CachedBodyRequestTest {

    static final byte[] CHECK = "{\"subjectCode\":\"91510800MA62M8XK3E\",\"domain\":\"MARKET_ACCESS\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aBodyOfDeclaredLengthIsReadWholeAndCanBeReadAgain() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/checks");
        request.setContent(CHECK);

        CachedBodyRequest cached = CachedBodyRequest.read(request, 1_000);

        assertThat(cached.body()).isEqualTo(CHECK);
        assertThat(cached.getInputStream().readAllBytes()).isEqualTo(CHECK);
        assertThat(cached.getInputStream().readAllBytes()).isEqualTo(CHECK);
    }

    @Test
    void aBodyWithoutDeclaredLengthIsReadToItsEndAndRefusedOverTheLimit() throws Exception {
        assertThat(CachedBodyRequest.read(chunked(CHECK), 1_000).body()).isEqualTo(CHECK);
        assertThat(CachedBodyRequest.read(chunked(CHECK), CHECK.length - 1)).isNull();
    }

    /** A request as Tomcat gives a chunked one: no Content-Length. */
    private static MockHttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/checks") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(body);
        return request;
    }
}
