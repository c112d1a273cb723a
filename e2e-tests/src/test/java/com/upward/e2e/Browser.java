package com.upward.e2e;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
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
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless Chromium from Debian's packages, driven by Selenium with the system chromedriver (nothing is
 * downloaded). Saves a screenshot of each page and runs axe-core on it.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final Path DOWNLOADS = Path.of("target", "downloads").toAbsolutePath();
    private final WebDriver driver;
    private final String baseUrl;

    public Browser(String baseUrl) {
        this(baseUrl, null);
    }

    /** A browser that blocks third-party cookies, as Safari does and Chrome can: for tools inside another site's frame. */
    public static Browser blockingThirdPartyCookies(String baseUrl) {
        return new Browser(baseUrl, Boolean.TRUE);
    }

    /** A browser that keeps third-party cookies, as Chrome's default settings did for years. */
    public static Browser allowingThirdPartyCookies(String baseUrl) {
        return new Browser(baseUrl, Boolean.FALSE);
    }

    /** @param blockThirdPartyCookies null: Chromium's own default */
    private Browser(String baseUrl, Boolean blockThirdPartyCookies) {
        this.baseUrl = baseUrl;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + Path.of("target", "chromium-" + UUID.randomUUID()).toAbsolutePath());
        java.util.Map<String, Object> prefs = new java.util.HashMap<>(java.util.Map.of(
                "download.default_directory", DOWNLOADS.toString(), "download.prompt_for_download", false));
        if (blockThirdPartyCookies != null) {
            // Chromium's third-party cookie setting: cookie controls mode 1 blocks them, 0 allows them; and the older switch.
            prefs.put("profile.cookie_controls_mode", blockThirdPartyCookies ? 1 : 0);
            prefs.put("profile.block_third_party_cookies", blockThirdPartyCookies);
        }
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Signs in as this user; a user already signed in on this browser signs out first (the session is the browser's). */
    public void signIn(String username) {
        open("/signin");
        waitUntil(d -> !d.findElements(By.id("username")).isEmpty() || !d.findElements(By.id("sign-out")).isEmpty());
        if (!driver.findElements(By.id("sign-out")).isEmpty()) {
            click(By.id("sign-out"));
        }
        waitFor(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("upward-demo");
        driver.findElement(By.cssSelector("#signin-form button")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("#/signin"));
    }

    public void click(By locator) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    public void open(String hashPath) {
        driver.get(baseUrl + "/#" + hashPath);
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void waitForText(By locator, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(300))
                .withMessage(() -> "the page shows: " + pageText())
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /**
     * Some pages show what events bring (progress, reports): revisits the page until it shows the text, through a
     * hash change (a reload would keep the session too, but costs more).
     */
    public void revisitUntil(String hashPath, java.util.function.Predicate<WebDriver> shown) {
        waitUntil(driver -> {
            open("/refresh");
            waitForText(By.tagName("h1"), "Page not found");
            open(hashPath);
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElement(By.tagName("h1")).getText().equals("Page not found"));
            return shown.test(driver);
        });
    }

    /**
     * Opens an attempt at the quiz: starts one, or resumes the one a start answered while its page was being left
     * made. Until assessment-service has learned of the lessons the quiz needs, the page shows it locked, without a
     * start button, and is visited again.
     */
    public void startOrResumeAttempt(String quizId) {
        revisitUntil("/quizzes/" + quizId, driver -> {
            if (!driver.findElements(By.linkText("Resume your attempt")).isEmpty()) {
                click(By.linkText("Resume your attempt"));
                waitFor(By.id("attempt-form"));
                return true;
            }
            if (driver.findElements(By.id("start-attempt")).isEmpty()) {
                return false;
            }
            click(By.id("start-attempt"));
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("attempt-form")).isEmpty()
                    || !d.findElement(By.id("start-error")).getText().isEmpty());
            return !driver.findElements(By.id("attempt-form")).isEmpty();
        });
    }

    public boolean mainShows(String text) {
        return driver.findElement(By.id("main")).getText().contains(text);
    }

    private String pageText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Saves a screenshot as test output and checks the page has no serious or critical axe violation. */
    public void checkPage(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertTrue(serious.isEmpty(), () -> name + " has accessibility violations: " + serious.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n")));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
