package org.creditledger.console;

import org.creditledger.LedgerHttpTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the console's tests in a real browser: each test gets a fresh Chromium (no cookies from another test) and
 * leaves a screenshot of its last page in {@code target/screenshots/<class>-<test>.png}.
 */
@ExtendWith(Browser.Installed.class)
abstract class BrowserTest extends LedgerHttpTest {

    protected Browser browser;
    private String name;

    @BeforeEach
    void openBrowser(TestInfo test) {
        browser = Browser.open(port);
        name = getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            try {
                browser.screenshot(name);
            } finally {
                browser.close();
            }
        }
    }
}
