package dev.migratest.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * A local HTML file loaded in {@link HeadlessChromium}: its elements, a JavaScript expression's value, the errors
 * the browser reported for it, screenshots. Valid until the next {@link HeadlessChromium#open} or the browser's
 * close; after that only {@link #scriptErrors()} still answers (with what was collected while the page was shown).
 */
public final class BrowserPage {

    /** A full-page screenshot stops here: 1400 x 10,000 px is already 56 MB of pixels to encode as PNG. */
    public static final int MAX_FULL_PAGE_HEIGHT = 10_000;

    private final ChromeDriver driver;
    private final Path file;
    private final List<String> errors = new ArrayList<>();
    private boolean shown = true;

    BrowserPage(ChromeDriver driver, Path file) {
        this.driver = driver;
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** How many elements match a CSS selector. */
    public int count(String css) {
        return find(css).size();
    }

    /** The elements matching a CSS selector, in document order (empty when none). */
    public List<WebElement> find(String css) {
        requireShown();
        return driver.findElements(By.cssSelector(css));
    }

    /** The rendered text of the first element matching {@code css} (hidden elements give ""). */
    public String text(String css) {
        return first(css).getText();
    }

    /** The rendered text of every element matching {@code css}. */
    public List<String> texts(String css) {
        return find(css).stream().map(WebElement::getText).toList();
    }

    /** An attribute of the first element matching {@code css}, as the HTML set it ({@code null} when absent). */
    public String attribute(String css, String name) {
        return first(css).getDomAttribute(name);
    }

    /**
     * The value of a JavaScript expression in the page: numbers come back as {@code Long} or {@code Double},
     * arrays as {@code List}, objects as {@code Map}, elements as {@link WebElement}.
     */
    public Object evaluate(String expression) {
        requireShown();
        return driver.executeScript("return (" + expression + ");");
    }

    /**
     * Every SEVERE entry of the browser's console for this page, as Chromium wrote it (source URL, 0-based
     * line:column, message): uncaught exceptions of inline scripts and of script files, unhandled promise
     * rejections, {@code console.error}, and resources that failed to load (a self-contained report has none).
     * <p>
     * Read from chromedriver's browser log ({@code goog:loggingPrefs}), which was measured to catch all of these.
     * A {@code window} error listener injected before the page's scripts was tried too and dropped: it sees a
     * file:// script's exception only as "Script error." (file URLs are opaque origins), misses {@code console.error},
     * and needs CDP.
     */
    public List<String> scriptErrors() {
        if (shown) {
            drainLog();
        }
        return List.copyOf(errors);
    }

    /** A PNG of the viewport ({@value HeadlessChromium#WIDTH}x{@value HeadlessChromium#HEIGHT} px), written to {@code target}. */
    public Path screenshot(Path target) {
        requireShown();
        return write(target, driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * A PNG of the whole document, at most {@value #MAX_FULL_PAGE_HEIGHT} px tall: the viewport grows to the
     * document's height for the capture and goes back to {@value HeadlessChromium#WIDTH}x{@value HeadlessChromium#HEIGHT}.
     */
    public Path fullPageScreenshot(Path target) {
        requireShown();
        long documentHeight = (Long) evaluate(
                "Math.ceil(Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0))");
        int height = (int) Math.min(MAX_FULL_PAGE_HEIGHT, Math.max(documentHeight, HeadlessChromium.HEIGHT));
        try {
            fitViewport(driver, HeadlessChromium.WIDTH, height);
            return write(target, driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            fitViewport(driver, HeadlessChromium.WIDTH, HeadlessChromium.HEIGHT);
        }
    }

    /**
     * Makes the page's viewport {@code width}x{@code height}, resizing the window only when it is not so already
     * (a resize costs ~0.6 s). Headless Chromium still counts a frame around the page (143 px of height with
     * Chromium 156), which a window size alone would leave to guess. Returns that frame.
     */
    static Dimension fitViewport(ChromeDriver driver, int width, int height) {
        @SuppressWarnings("unchecked")
        List<Long> sizes = (List<Long>) driver.executeScript(
                "return [window.outerWidth, window.outerHeight, window.innerWidth, window.innerHeight];");
        Dimension frame = new Dimension((int) (sizes.get(0) - sizes.get(2)), (int) (sizes.get(1) - sizes.get(3)));
        if (sizes.get(2) != width || sizes.get(3) != height) {
            driver.manage().window().setSize(new Dimension(width + frame.getWidth(), height + frame.getHeight()));
        }
        return frame;
    }

    /** Called when another page replaces this one or the browser closes: keeps what was reported while shown. */
    void leave() {
        if (shown) {
            drainLog();
            shown = false;
        }
    }

    private void drainLog() {
        // chromedriver hands out each entry once: keep them, so that a second call returns them again.
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
    }

    private WebElement first(String css) {
        List<WebElement> matches = find(css);
        if (matches.isEmpty()) {
            throw new AssertionError("Expecting an element matching \"" + css + "\" in " + file + " but there is none");
        }
        return matches.get(0);
    }

    private void requireShown() {
        if (!shown) {
            throw new IllegalStateException(file + " is no longer shown: another page was opened, or the browser closed");
        }
    }

    private static Path write(Path target, byte[] png) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return Files.write(target, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a " + png.length + "-byte screenshot to " + target, e);
        }
    }
}
