package dev.migratest.browser;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Chromium and its chromedriver are, and what a browser test does when they are not there: skip with the
 * reason, or fail with the same reason where {@value #REQUIRE_ENV}{@code =true} (CI sets it in .ci/browser.sh once it
 * has installed both, so that a broken install cannot pass as "skipped").
 */
public record ChromiumInstallation(Path chromium, Path chromedriver) {

    /** System property naming the Chromium executable; default {@value #DEFAULT_CHROMIUM} (Debian's package). */
    public static final String CHROMIUM_PROPERTY = "migratest.chromium";
    /** System property naming the chromedriver executable; default {@value #DEFAULT_CHROMEDRIVER}. */
    public static final String CHROMEDRIVER_PROPERTY = "migratest.chromedriver";
    /** Environment variable: {@code true} turns a missing browser from a skipped test into a failed one. */
    public static final String REQUIRE_ENV = "MIGRATEST_REQUIRE_BROWSER";

    static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    static final String DEFAULT_CHROMEDRIVER = "/usr/bin/chromedriver";

    /** The executables named by the system properties, or Debian's defaults. */
    public static ChromiumInstallation fromSystemProperties() {
        return new ChromiumInstallation(
                Path.of(System.getProperty(CHROMIUM_PROPERTY, DEFAULT_CHROMIUM)),
                Path.of(System.getProperty(CHROMEDRIVER_PROPERTY, DEFAULT_CHROMEDRIVER)));
    }

    /**
     * Returns this installation when both executables are there; otherwise aborts the calling test (JUnit
     * assumption), or fails it when {@value #REQUIRE_ENV} is {@code true}.
     */
    public ChromiumInstallation requireUsable() {
        return requireUsable(Boolean.parseBoolean(System.getenv(REQUIRE_ENV)));
    }

    ChromiumInstallation requireUsable(boolean required) {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(chromium)) {
            missing.add("Chromium at " + chromium + " (system property " + CHROMIUM_PROPERTY + ")");
        }
        if (!Files.isExecutable(chromedriver)) {
            missing.add("chromedriver at " + chromedriver + " (system property " + CHROMEDRIVER_PROPERTY + ")");
        }
        if (missing.isEmpty()) {
            return this;
        }
        String reason = "no executable " + String.join(" and no executable ", missing)
                + ": install Debian packages chromium chromium-driver, or run .ci/browser.sh";
        if (required) {
            throw new AssertionError(reason + " [" + REQUIRE_ENV + "=true: browser tests must run here]");
        }
        return Assumptions.abort(reason);
    }
}
