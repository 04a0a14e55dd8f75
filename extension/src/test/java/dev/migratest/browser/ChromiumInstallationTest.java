package dev.migratest.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChromiumInstallationTest {

    @TempDir
    Path dir;

    @Test
    void bothExecutablesThereIsUsable() throws IOException {
        ChromiumInstallation installation = new ChromiumInstallation(executable("chromium"), executable("chromedriver"));

        assertThat(installation.requireUsable(true)).isSameAs(installation);
        assertThat(installation.requireUsable(false)).isSameAs(installation);
    }

    @Test
    void aMissingBrowserSkipsWithWhatIsMissingAndHowToInstallIt() throws IOException {
        Path chromium = dir.resolve("no-chromium");
        ChromiumInstallation installation = new ChromiumInstallation(chromium, executable("chromedriver"));

        assertThatThrownBy(() -> installation.requireUsable(false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no executable Chromium at " + chromium + " (system property migratest.chromium)")
                .hasMessageContaining("install Debian packages chromium chromium-driver, or run .ci/browser.sh")
                .hasMessageNotContaining("chromedriver at");
    }

    @Test
    void whereTheBrowserIsRequiredTheSameReasonFails() throws IOException {
        Path driver = dir.resolve("chromedriver");
        Files.writeString(driver, "not executable");
        ChromiumInstallation installation = new ChromiumInstallation(dir.resolve("no-chromium"), driver);

        assertThatThrownBy(() -> installation.requireUsable(true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Chromium at " + dir.resolve("no-chromium"))
                .hasMessageContaining("chromedriver at " + driver + " (system property migratest.chromedriver)")
                .hasMessageContaining("install Debian packages chromium chromium-driver, or run .ci/browser.sh")
                .hasMessageContaining("MIGRATEST_REQUIRE_BROWSER=true");
    }

    private Path executable(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
