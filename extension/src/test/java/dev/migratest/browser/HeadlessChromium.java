package dev.migratest.browser;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * One headless Chromium driven through its chromedriver, for tests that open local HTML files (the report). Each
 * instance has its own temporary profile; {@link #close()} quits the browser, makes sure every process it started
 * has ended (killing, by pid, any that has not) and deletes the profile.
 *
 * <pre>{@code
 * try (HeadlessChromium chromium = HeadlessChromium.start()) {   // skips, or fails under MIGRATEST_REQUIRE_BROWSER=true
 *     BrowserPage page = chromium.open(report);
 *     assertThat(page.count("table tr")).isEqualTo(4);
 *     assertThat(page.scriptErrors()).isEmpty();
 *     page.fullPageScreenshot(Path.of("target/migratest/report.png"));
 * }
 * }</pre>
 * Not for concurrent use: one page is shown at a time.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** The page's viewport in CSS pixels (= screenshot pixels), fixed so that screenshots compare from run to run. */
    public static final int WIDTH = 1400;
    public static final int HEIGHT = 1000;

    private static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(30);
    /** Only the bound before SIGKILL: the processes normally end while quit() returns. */
    private static final long EXIT_GRACE_SECONDS = 10;

    // Selenium looks for a CDP binding matching the browser's version at every start and warns when it has none.
    // We never use CDP, so we add none (one jar per Chromium version) and silence that one logger instead.
    // java.util.logging holds loggers weakly: this reference keeps the level from being forgotten.
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    /** Window size minus viewport size, as the last start measured it (none before the first). */
    private static volatile Dimension frame = new Dimension(0, 0);

    private final ChromeDriver driver;
    private final BrowserProcesses processes;
    /** Chromium's profile and chromedriver's log: new for each instance, deleted by {@link #close()}. */
    private final Path workDir;
    private BrowserPage page;

    private HeadlessChromium(ChromeDriver driver, BrowserProcesses processes, Path workDir) {
        this.driver = driver;
        this.processes = processes;
        this.workDir = workDir;
    }

    /** Chromium from {@link ChromiumInstallation#fromSystemProperties()}; skips or fails the test when missing. */
    public static HeadlessChromium start() {
        return start(ChromiumInstallation.fromSystemProperties().requireUsable());
    }

    /** Chromium from {@code installation} as given (no {@link ChromiumInstallation#requireUsable()} check). */
    public static HeadlessChromium start(ChromiumInstallation installation) {
        Path workDir;
        try {
            workDir = Files.createTempDirectory("migratest-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary Chromium profile", e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                // Named explicitly, so that Selenium Manager never runs (it would look for, or download, a driver).
                .usingDriverExecutable(installation.chromedriver().toFile())
                .usingAnyFreePort()
                // Chromium's own stderr goes there too: the first place to look when it does not start.
                .withLogFile(workDir.resolve("chromedriver.log").toFile())
                // Chromium writes outside its profile too: crash reports to ~/.config/chromium, dconf to ~/.cache.
                // A HOME of its own keeps that in the directory close() deletes, and puts that directory on the
                // command line of the crash handlers, which detach from Chromium (see BrowserProcesses).
                .withEnvironment(Map.of("HOME", workDir.resolve("home").toString()))
                .build();
        Set<Long> childrenBefore = BrowserProcesses.childrenOfThisJvm();
        ChromeDriver driver = null;
        try {
            driver = new ChromeDriver(service, options(installation, workDir.resolve("user-data")));
            frame = BrowserPage.fitViewport(driver, WIDTH, HEIGHT);
            BrowserProcesses processes = BrowserProcesses.find(childrenBefore, installation.chromedriver(),
                    service.getUrl().getPort(), workDir);
            return new HeadlessChromium(driver, processes, workDir);
        } catch (RuntimeException e) {
            String log = tail(workDir.resolve("chromedriver.log"));
            if (driver != null) {
                driver.quit();
            }
            service.stop(); // Selenium stops it when the session fails to start, but not when find() fails
            deleteTree(workDir);
            throw new IllegalStateException("cannot start " + installation.chromium() + " through "
                    + installation.chromedriver() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + "\nlast lines of chromedriver's log:\n" + log, e);
        }
    }

    private static ChromeOptions options(ChromiumInstallation installation, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installation.chromium().toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox", // CI runs as root, where Chromium refuses to start sandboxed
                "--disable-gpu",
                // Pages are file:// only: nothing of Chromium's own should reach for the network either.
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                // The frame learnt at the previous start, so that the viewport is right without a resize.
                "--window-size=" + (WIDTH + frame.getWidth()) + "," + (HEIGHT + frame.getHeight()));
        options.setPageLoadTimeout(PAGE_LOAD_TIMEOUT);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL); // read by BrowserPage.scriptErrors()
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        return options;
    }

    /**
     * Loads a local HTML file and returns once its load event has fired. The page it replaces keeps the errors
     * reported while it was shown.
     */
    public BrowserPage open(Path html) {
        Path file = html.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no HTML file at " + file);
        }
        if (page != null) {
            page.leave();
        }
        driver.get(file.toUri().toString());
        page = new BrowserPage(driver, file);
        return page;
    }

    /**
     * The pids of chromedriver and of everything it started (Chromium, its helpers, its detached crash handlers),
     * as they are now.
     */
    public Set<Long> processIds() {
        return processes.pids();
    }

    /**
     * Quits Chromium and chromedriver and waits for every process they consist of to end; kills by pid any still
     * there after {@value #EXIT_GRACE_SECONDS} s, and then fails with their pids (a leak to fix, not to hide).
     */
    @Override
    public void close() {
        // Taken before quitting: once chromedriver is gone its helpers are no longer its descendants.
        List<ProcessHandle> started = processes.now();
        List<WebDriverException> failures = new ArrayList<>(); // e.g. Chromium had crashed: go on all the same
        try {
            if (page != null) {
                page.leave(); // its scriptErrors() stay readable after close
            }
        } catch (WebDriverException e) {
            failures.add(e);
        }
        try {
            driver.quit(); // ends the session (Chromium exits), then stops the chromedriver service
        } catch (WebDriverException e) {
            failures.add(e);
        }
        Set<Long> killed = BrowserProcesses.awaitExit(started, Duration.ofSeconds(EXIT_GRACE_SECONDS));
        deleteTree(workDir);
        if (!killed.isEmpty()) {
            IllegalStateException leak = new IllegalStateException("Chromium processes " + killed
                    + " were still running " + EXIT_GRACE_SECONDS + " s after quit and were killed");
            failures.forEach(leak::addSuppressed);
            throw leak;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary Chromium profile " + dir, e);
        }
    }
}
