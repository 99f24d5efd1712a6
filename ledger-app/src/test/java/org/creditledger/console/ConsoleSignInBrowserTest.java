package org.creditledger.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in to the console with an API key, a wrong key, and signing out, in a real browser. */
class ConsoleSignInBrowserTest extends BrowserTest {

    @Test
    void aWrongKeyIsRefusedInChineseAndNothingOpens() {
        browser.signIn("clk_this-key-was-never-issued");

        assertThat(browser.textOf("sign-in-error", "API 密钥无效")).contains("API 密钥无效");
        browser.go("/console/counter");
        assertThat(browser.path()).startsWith("/sign-in");
    }

    @Test
    void aCounterClerkSignsInSeesWhoAndWhatIsTheirsAndSignsOut() {
        browser.signIn(keys().counter("gy-zwfw"));

        String who = browser.textOf("who", "政务服务窗口");
        assertThat(who).contains("test COUNTER").contains("gy-zwfw");
        assertThat(browser.text("main")).contains("窗口核查").doesNotContain("系统管理");
        browser.go("/console/no-such-page");
        assertThat(browser.textOf("problem", "页面不存在")).contains("链接可能有误");

        browser.click("sign-out");
        assertThat(browser.textOf("main", "您已退出")).contains("您已退出");
        browser.go("/console/counter");
        assertThat(browser.path()).startsWith("/sign-in");
    }

    @Test
    void aRevokedKeyEndsItsSessionAtTheNextAction() {
        String secret = keys().counter();
        browser.signIn(secret);
        browser.textOf("who", "政务服务窗口");

        revoke(secret);
        browser.go("/console/counter");

        assertThat(browser.textOf("main", "登录已失效")).contains("请重新登录");
        assertThat(browser.path()).startsWith("/sign-in");
    }

    private void revoke(String secret) {
        var caller = apiKeys.authenticate(secret).orElseThrow();
        var answer = api().as(keys().admin()).exchange(org.springframework.http.HttpMethod.DELETE,
                "/api/v1/admin/api-keys/" + caller.keyId(), null, headers -> { });
        assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
    }
}
