package dev.migratest.examples;

import dev.migratest.MigrationTest;
import dev.migratest.browser.BrowserPage;
import dev.migratest.browser.HeadlessChromium;
import dev.migratest.report.HtmlReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The examples' report as a reviewer opens it: the safe shop history and the unsafe one, rehearsed as their test
 * classes do, then loaded in headless Chromium. The screenshots stay in {@code target/migratest/screenshots} as the
 * build's artifacts.
 */
class ExamplesReportInBrowserIT {
    static final Path REPORT_DIR = Path.of("target/migratest/browser-run");
    static final Path SCREENSHOTS = Path.of("target/migratest/screenshots");
    static final int MIGRATIONS = 18 + 21;

    @BeforeAll
    static void rehearseBothHistories() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FlywayShopHistoryTest.class), selectClass(UnsafeHistoryFindingsTest.class))
                .configurationParameter(MigrationTest.REPORT_DIR_PROPERTY, REPORT_DIR.toString())
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(MIGRATIONS).succeeded(MIGRATIONS));
        assertThat(REPORT_DIR.resolve(HtmlReport.FILE)).exists();
    }

    @Test
    void theOverviewAndATimelineRenderWithoutScriptErrors() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            BrowserPage page = chromium.open(REPORT_DIR.resolve(HtmlReport.FILE));

            assertThat(page.evaluate("document.documentElement.getAttribute('data-ready')"))
                    .as("the report's script ran to its end").isEqualTo("true");
            assertThat(page.count("#overview tbody tr")).isEqualTo(MIGRATIONS);
            assertThat(page.texts("#overview tbody tr:first-child td:nth-child(4)"))
                    .containsExactly("UnsafeHistoryFindingsTest");
            assertThat(page.text("header .totals")).contains(MIGRATIONS + " migrations", "0 failed");
            page.screenshot(Files.createDirectories(SCREENSHOTS).resolve("overview.png"));

            // the riskiest migration's section is open and its timeline is drawn with real geometry
            String first = page.attribute("#overview tbody tr:first-child a", "href").substring(1);
            assertThat(page.attribute("#" + first, "open")).isNotNull();
            Object svgHeight = page.evaluate("document.querySelector('#" + first + " svg.timeline')"
                    + ".getBoundingClientRect().height");
            assertThat(((Number) svgHeight).doubleValue()).isGreaterThan(100);
            assertThat(page.count("#" + first + " svg.timeline g.phase")).isEqualTo(3);
            // which migration ranks first among the unsafe ones depends on measured block times; each holds some lock
            assertThat(page.count("#" + first + " svg.timeline rect.lock")).isPositive();
            page.evaluate("document.getElementById('" + first + "').scrollIntoView()");
            page.screenshot(SCREENSHOTS.resolve("timeline.png"));

            // the page's own controls work: sorting by migration name, filtering to risky ones
            page.find("#overview th:nth-child(3)").get(0).click();
            List<String> sorted = page.texts("#overview tbody tr td:nth-child(3)");
            // the first click sorts descending
            assertThat(sorted).isSortedAccordingTo((a, b) -> localeOrder(page, b, a));
            page.find("#risky-only").get(0).click();
            Object visible = page.evaluate("document.querySelectorAll('#overview tbody tr:not(.hidden)').length");
            assertThat(((Number) visible).intValue()).isBetween(1, MIGRATIONS - 1);

            page.fullPageScreenshot(SCREENSHOTS.resolve("report-full.png"));
            assertThat(page.scriptErrors()).isEmpty();
        }
    }

    /** The page sorts with the browser's localeCompare; the test asks the same browser. */
    private static int localeOrder(BrowserPage page, String a, String b) {
        return ((Number) page.evaluate("'" + a.replace("'", "\\'") + "'.localeCompare('" + b.replace("'", "\\'")
                + "')")).intValue();
    }
}
