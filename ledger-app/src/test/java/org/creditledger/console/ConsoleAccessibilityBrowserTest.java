package org.creditledger.console;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every input, choice and text area on every console page has a label a screen reader reads out (a {@code <label for>},
 * an enclosing label or an {@code aria-label}), and every button says what it does; the pages are in Chinese
 * ({@code lang="zh-CN"}) and open with a skip link to the content.
 */
class ConsoleAccessibilityBrowserTest extends BrowserTest {

    private static final String UNLABELLED = """
            return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea')).filter(function (el) {
                if (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) { return false; }
                if (el.id && document.querySelector('label[for="' + el.id + '"]')) { return false; }
                return !el.closest('label');
            }).map(function (el) { return (el.id || el.name) + ' (' + el.tagName.toLowerCase() + ')'; })
            .concat(Array.from(document.querySelectorAll('button')).filter(function (b) {
                return !b.textContent.trim() && !b.getAttribute('aria-label');
            }).map(function (b) { return 'button ' + (b.id || b.name); }));""";

    private static final List<String> PAGES = List.of("/console/counter", "/console/counter/batch", "/console/unit",
            "/console/unit/letters", "/console/unit/letters/new", "/console/unit/imports", "/console/authority",
            "/console/authority/entries/new", "/console/authority/pending", "/console/inspector", "/console/admin",
            "/console/admin/catalogue", "/console/admin/keys", "/console/admin/projections", "/console/overview");

    @Test
    void everyControlOnEveryPageHasALabel() {
        Map<String, Object> unlabelled = new LinkedHashMap<>();
        browser.go("/sign-in");
        collect("/sign-in", unlabelled);
        browser.signIn(keys().admin());
        for (String page : PAGES) {
            browser.go(page);
            browser.until(org.openqa.selenium.By.id("main"));
            assertThat(browser.driver().findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang"))
                    .as(page).isEqualTo("zh-CN");
            assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("a.skip[href='#main']"))).as(page).hasSize(1);
            collect(page, unlabelled);
        }
        assertThat(unlabelled).as("controls without a label, by page").isEmpty();
    }

    private void collect(String page, Map<String, Object> unlabelled) {
        List<?> found = (List<?>) ((JavascriptExecutor) browser.driver()).executeScript(UNLABELLED);
        if (!found.isEmpty()) {
            unlabelled.put(page, found);
        }
    }
}
