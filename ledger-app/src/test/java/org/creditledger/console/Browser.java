package org.creditledger.console;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Debian's headless Chromium driven through its own chromedriver (no driver download, no network): a person's browser
 * for the console tests. Chinese is the browser's language, so pages render as a clerk sees them; with the font
 * {@code fonts-wqy-zenhei} the screenshots show the characters, not boxes.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Long enough for a page on a busy 2-core machine; a wait ends as soon as its condition holds. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, int port) {
        this.driver = driver;
        this.base = "http://127.0.0.1:" + port;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static Browser open(int port) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the flags this machine's closed network needs (no background connections), and a counter's screen size
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,768", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), port);
    }

    Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in and waits for the answer (the signed-in header, or the refusal), so the next step starts after it. */
    Browser signIn(String apiKey) {
        go("/sign-in");
        type("apiKey", apiKey);
        click("sign-in");
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("who")),
                ExpectedConditions.presenceOfElementLocated(By.id("sign-in-error"))));
        return this;
    }

    Browser type(String id, String text) {
        WebElement field = until(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    Browser select(String id, String visibleText) {
        new org.openqa.selenium.support.ui.Select(until(By.id(id))).selectByVisibleText(visibleText);
        return this;
    }

    Browser click(String id) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        return this;
    }

    /** The element, once it is on the page. */
    WebElement until(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Waits until the element with {@code id} shows {@code text}; returns all its text. */
    String textOf(String id, String text) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
        return driver.findElement(By.id(id)).getText();
    }

    String text(String id) {
        return until(By.id(id)).getText();
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * What a download link ({@code href}: absolute, or a path) gives, fetched with this browser's session cookie:
     * headless Chromium saves no files here, so a test reads the download this way.
     */
    java.net.http.HttpResponse<byte[]> fetch(String href) {
        org.openqa.selenium.Cookie session = driver.manage().getCookieNamed("LEDGER_CONSOLE");
        if (session == null) {
            throw new IllegalStateException("Not signed in: no console session cookie");
        }
        String url = href.startsWith("http") ? href : base + href;
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .header("Cookie", session.getName() + "=" + session.getValue()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /**
     * Runs the browser tests where Chromium is installed, and otherwise skips them, saying once, in one line, how to
     * install it ({@code .ci/run} does, so CI always runs them).
     */
    static final class Installed implements ExecutionCondition {
        private static final AtomicBoolean SAID = new AtomicBoolean();
        static final String HOW = "浏览器测试已跳过：未找到 " + CHROMIUM + " 或 " + CHROMEDRIVER
                + "（安装：apt-get install chromium chromium-driver fonts-wqy-zenhei，或运行 .ci/run）";

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (available()) {
                return ConditionEvaluationResult.enabled("Chromium found");
            }
            if (SAID.compareAndSet(false, true)) {
                System.out.println(HOW);
            }
            return ConditionEvaluationResult.disabled(HOW);
        }
    }
}
