package dev.tribune.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A real headless Chromium for browser tests, driven by Selenium through Debian's chromedriver,
 * with a fresh profile each time. Start one with {@link #start()} (JavaScript on) or
 * {@link #withoutJavaScript()}; close it to quit the browser and delete the profile.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Long enough for a slow shared machine; waits end as soon as the page is ready. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    public final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser start() { return start(true, 1280, 1000); }

    public static Browser withoutJavaScript() { return start(false, 1280, 1000); }

    /**
     * A browser with or without JavaScript at a window size. Where Chromium is missing the test is
     * skipped on a developer machine, but fails under CI (env CI=true), where a skip would hide it.
     */
    public static Browser start(boolean javascript, int width, int height) {
        requireChromium();
        // Selenium Manager would otherwise try to download a browser or driver.
        System.setProperty("SE_OFFLINE", "true");
        try {
            Path profile = Files.createTempDirectory("tribune-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--lang=en-US", "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height);
            Map<String, Object> prefs = new java.util.HashMap<>();
            prefs.put("intl.accept_languages", "en-US,en");
            if (!javascript) prefs.put("profile.managed_default_content_settings.javascript", 2);
            options.setExperimentalOption("prefs", prefs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot make a browser profile folder", e);
        }
    }

    private static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (present) return;
        String why = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver, or run ./tribune test)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException(why);
        Assumptions.abort(why);
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public String url() { return driver.getCurrentUrl(); }

    public WebElement find(String css) { return driver.findElement(By.cssSelector(css)); }

    public List<WebElement> all(String css) { return driver.findElements(By.cssSelector(css)); }

    public boolean has(String css) { return !all(css).isEmpty(); }

    /** Waits until an element is in the page and visible, and returns it. */
    public WebElement waitFor(String css) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the condition holds (returns non-null / true), and returns its value. */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        // The page script swaps parts of the thread in place, so an element found a moment ago may be gone: look again.
        return new WebDriverWait(driver, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /**
     * Clicks something that loads a new page (a form's submit button) and waits until the new
     * document has loaded: the old one is marked, and the wait ends when the mark is gone.
     */
    public void clickAndLoad(String css) {
        js("window.tribuneOldPage = true;");
        find(css).click();
        waitUntil(d -> {
            try {
                return Boolean.TRUE.equals(js("return window.tribuneOldPage === undefined && document.readyState === 'complete';"));
            } catch (org.openqa.selenium.WebDriverException betweenPages) {
                return false; // the old document went away under the script: look again
            }
        });
    }

    public void waitForText(String css, String text) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    public Object js(String script, Object... args) { return ((JavascriptExecutor) driver).executeScript(script, args); }

    /** Whether the element's top edge shows inside the window. */
    public boolean inView(WebElement e) {
        return Boolean.TRUE.equals(js("const r = arguments[0].getBoundingClientRect();"
                + "return r.top >= 0 && r.top < window.innerHeight;", e));
    }

    /**
     * Marks the current document; {@link #sameDocument()} then tells whether the page was not
     * reloaded since — what "without a reload" means in a test.
     */
    public void markDocument() { js("window.__tribuneMark = 'still here';"); }

    public boolean sameDocument() { return "still here".equals(js("return window.__tribuneMark || null;")); }

    public void screenshot(Path to) {
        try {
            File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(f.toPath(), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }
}
