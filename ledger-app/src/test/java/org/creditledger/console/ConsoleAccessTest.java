package org.creditledger.console;

import org.creditledger.LedgerHttpTest;
import org.creditledger.access.RawHttp;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's access rules over plain HTTP (no browser needed): the sign-in page and assets are open, pages need a
 * session, forms need the CSRF token, the session cookie is HttpOnly and SameSite=Strict, and an API client probing
 * {@code /} still gets the API's 401 problem.
 */
class ConsoleAccessTest extends LedgerHttpTest {

    @Test
    void aBrowserWithoutASessionIsSentToSignIn() {
        RawHttp.Answer answer = raw("GET / HTTP/1.1\r\nAccept: text/html\r\n\r\n");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.headers().get("location")).endsWith("/sign-in");
    }

    @Test
    void anApiClientProbingTheRootGetsTheApisProblem() {
        RawHttp.Answer answer = raw("GET / HTTP/1.1\r\nAccept: application/json\r\n\r\n");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anHtmxRequestWithoutASessionIsToldWhereToSignIn() {
        RawHttp.Answer answer = raw("POST /console/counter/checks HTTP/1.1\r\nHX-Request: true\r\nContent-Length: 0\r\n\r\n");
        assertThat(answer.status()).isIn(401, 403);
        if (answer.status() == 401) {
            assertThat(answer.headers().get("hx-redirect")).contains("/sign-in");
        }
    }

    @Test
    void theSignInPageIsOpenSetsAStrictHttpOnlyCookieAndForbidsInlineScript() {
        RawHttp.Answer page = raw("GET /sign-in HTTP/1.1\r\nAccept: text/html\r\n\r\n");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("API 密钥").contains("name=\"_csrf\"");
        assertThat(page.headers().get("set-cookie")).contains("LEDGER_CONSOLE=").contains("HttpOnly").contains("SameSite=Strict");
        assertThat(page.headers().get("content-security-policy")).contains("script-src 'self'");
    }

    @Test
    void aSignInWithoutTheCsrfTokenIsRefusedBeforeTheKeyIsLookedUp() {
        String body = "apiKey=" + keys().admin();
        RawHttp.Answer answer = raw("POST /sign-in HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);
        assertThat(answer.status()).isEqualTo(403);
        String cookie = answer.headers().get("set-cookie");
        if (cookie != null) { // a session to hold a CSRF token, perhaps; never a signed-in one
            RawHttp.Answer home = raw("GET / HTTP/1.1\r\nAccept: text/html\r\nCookie: " + cookie.split(";")[0] + "\r\n\r\n");
            assertThat(home.status()).isEqualTo(302);
            assertThat(home.headers().get("location")).endsWith("/sign-in");
        }
    }

    @Test
    void theConsolesOwnFilesCarryAContentHashAndAreCachedForAYear() {
        RawHttp.Answer page = raw("GET /sign-in HTTP/1.1\r\nAccept: text/html\r\n\r\n");
        String css = page.body().replaceAll("(?s).*href=\"(/assets/console-[0-9a-f]{32}\\.css)\".*", "$1");
        assertThat(css).startsWith("/assets/console-");
        RawHttp.Answer file = raw("GET " + css + " HTTP/1.1\r\n\r\n");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().get("cache-control")).contains("max-age=31536000");
        assertThat(page.body()).contains("/webjars/htmx.org/2.0.8/dist/htmx.min.js");
        assertThat(raw("GET /webjars/htmx.org/2.0.8/dist/htmx.min.js HTTP/1.1\r\n\r\n").status()).isEqualTo(200);
    }

    private RawHttp.Answer raw(String request) {
        return RawHttp.send(InetAddress.getLoopbackAddress(), port, request);
    }
}
