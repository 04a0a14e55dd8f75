package dev.migratest.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real headless Chromium on small local pages. Skips where Chromium or chromedriver is missing, fails there instead
 * under MIGRATEST_REQUIRE_BROWSER=true (CI: .ci/browser.sh installs both and sets it).
 */
class HeadlessChromiumIT {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Kept after the run, for a human to look at. */
    private static final Path SCREENSHOTS = Path.of("target", "browser-it");

    private static final String CLEAN_PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>clean</title>
            <style>body { font: 14px sans-serif; margin: 20px } td, th { border: 1px solid #999; padding: 4px }</style>
            </head><body>
            <h1>Lock timeline</h1>
            <svg width="300" height="80" aria-label="lock timeline" xmlns="http://www.w3.org/2000/svg">
              <rect x="0" y="10" width="120" height="20" fill="#c33"/>
              <rect x="130" y="40" width="60" height="20" fill="#3a3"/>
              <text x="4" y="25" fill="#fff">UP</text>
            </svg>
            <table id="migrations">
              <thead><tr><th>version</th><th>name</th><th>outcome</th></tr></thead>
              <tbody>
                <tr data-outcome="PASSED"><td>1</td><td>create_users</td><td>PASSED</td></tr>
                <tr data-outcome="FAILED"><td>2</td><td>add_users_email</td><td>FAILED</td></tr>
              </tbody>
            </table>
            <script>document.getElementById('migrations').dataset.rendered = 'yes';</script>
            </body></html>
            """;

    @TempDir
    Path dir;

    @Test
    void aCleanPageRendersItsSvgAndTableWithoutScriptErrors() throws IOException {
        Path html = write("clean.html", CLEAN_PAGE);
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            BrowserPage page = chromium.open(html);

            assertThat(page.count("svg rect")).isEqualTo(2);
            assertThat(page.text("svg text")).isEqualTo("UP");
            assertThat(page.attribute("svg", "aria-label")).isEqualTo("lock timeline");
            assertThat(page.find("svg").get(0).getRect().getWidth()).isEqualTo(300);
            assertThat(page.count("#migrations tbody tr")).isEqualTo(2);
            assertThat(page.texts("#migrations tbody td:nth-child(2)")).containsExactly("create_users", "add_users_email");
            assertThat(page.attribute("#migrations tbody tr:last-child", "data-outcome")).isEqualTo("FAILED");
            assertThat(page.evaluate("document.getElementById('migrations').dataset.rendered")).isEqualTo("yes");
            assertThat(page.evaluate("[window.innerWidth, window.innerHeight]"))
                    .isEqualTo(List.of((long) HeadlessChromium.WIDTH, (long) HeadlessChromium.HEIGHT));
            assertThat(page.scriptErrors()).isEmpty();

            Path shot = page.screenshot(SCREENSHOTS.resolve("clean.png"));
            assertPng(shot, HeadlessChromium.WIDTH, HeadlessChromium.HEIGHT);
        }
    }

    @Test
    void aFullPageScreenshotHoldsTheWholeDocumentUpToTheCapAndTheViewportGoesBack() throws IOException {
        Path tall = write("tall.html", pageOfHeight(2600));
        Path tooTall = write("too-tall.html", pageOfHeight(BrowserPage.MAX_FULL_PAGE_HEIGHT + 2000));
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            BrowserPage page = chromium.open(tall);
            long documentHeight = (Long) page.evaluate("document.documentElement.scrollHeight");

            Path shot = page.fullPageScreenshot(SCREENSHOTS.resolve("tall-full-page.png"));

            assertThat(documentHeight).isGreaterThan(2600);
            assertPng(shot, HeadlessChromium.WIDTH, (int) documentHeight);
            assertThat(page.evaluate("window.innerHeight")).isEqualTo((long) HeadlessChromium.HEIGHT);

            Path capped = chromium.open(tooTall).fullPageScreenshot(dir.resolve("too-tall.png"));
            assertPng(capped, HeadlessChromium.WIDTH, BrowserPage.MAX_FULL_PAGE_HEIGHT);
        }
    }

    @Test
    void anUncaughtThrowInAnInlineScriptIsReportedWithItsMessage() throws IOException {
        Path clean = write("clean.html", CLEAN_PAGE);
        Path broken = write("broken.html", """
                <!doctype html><html><head><title>broken</title></head><body>
                <p>before</p>
                <script>throw new Error('report data is missing');</script>
                <script src="missing-chart.js"></script>
                </body></html>
                """);
        BrowserPage brokenPage;
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            BrowserPage cleanPage = chromium.open(clean);
            brokenPage = chromium.open(broken);

            assertThat(brokenPage.scriptErrors())
                    .anySatisfy(e -> assertThat(e).contains("broken.html").contains("Uncaught Error: report data is missing"))
                    .anySatisfy(e -> assertThat(e).contains("missing-chart.js").contains("ERR_FILE_NOT_FOUND"))
                    .hasSize(2);
            assertThat(brokenPage.text("p")).isEqualTo("before");
            assertThat(cleanPage.scriptErrors()).as("errors of the page shown before").isEmpty();
        }
        assertThat(brokenPage.scriptErrors()).as("read again after close").hasSize(2);
    }

    @Test
    void closeLeavesNoChromiumOrChromedriverProcessBehind() throws IOException {
        Path html = write("clean.html", CLEAN_PAGE);
        Set<Long> before = pgrepChrom();
        Set<Long> ours;
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.open(html);
            ours = chromium.processIds();

            // chromedriver, Chromium's browser process and its helpers (zygotes, GPU, network, renderers...)
            assertThat(ours).hasSizeGreaterThanOrEqualTo(5);
            assertThat(ours).as("pids pgrep listed before the start").filteredOn(before::contains).isEmpty();
            // pgrep sees them, so that its silence after close means something. Not all of them: a helper caught
            // between fork and exec has no command line yet.
            assertThat(pgrepChrom()).filteredOn(ours::contains).hasSizeGreaterThanOrEqualTo(5);
        }
        assertThat(pgrepChrom()).as("processes this test started, still running after close()")
                .filteredOn(ours::contains).isEmpty();
    }

    private static String pageOfHeight(int pixels) {
        return "<!doctype html><html><head><title>tall</title></head><body style=\"margin:0\">"
                + "<div style=\"height:" + pixels + "px;background:linear-gradient(#fff,#36c)\">top</div>"
                + "<p>end</p></body></html>";
    }

    private Path write(String name, String html) throws IOException {
        return Files.writeString(dir.resolve(name), html);
    }

    private static void assertPng(Path file, int width, int height) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).as("first bytes of %s", file).isEqualTo(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).as("width of %s", file).isEqualTo(width);
        assertThat(image.getHeight()).as("height of %s", file).isEqualTo(height);
    }

    /**
     * What `pgrep -f chrom` lists: chromedriver and every running Chromium process on the machine, ours or not.
     * Zombies are left out: they have exited, and this sandbox's pid 1 reaps the helpers it inherits ~1.5 s late.
     */
    private static Set<Long> pgrepChrom() throws IOException {
        Process pgrep = new ProcessBuilder("pgrep", "-f", "-r", "R,S,D,T,t,I", "chrom").redirectErrorStream(true).start();
        String out = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int exit = pgrep.waitFor();
            assertThat(exit).as("pgrep exit code (output: %s)", out).isIn(0, 1); // 1: nothing matched
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for pgrep", e);
        }
        return out.lines().map(String::strip).filter(l -> !l.isEmpty()).map(Long::valueOf).collect(Collectors.toSet());
    }
}
