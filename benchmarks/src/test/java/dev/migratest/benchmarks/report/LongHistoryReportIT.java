package dev.migratest.benchmarks.report;

import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.benchmarks.SyntheticHistory;
import dev.migratest.browser.BrowserPage;
import dev.migratest.browser.HeadlessChromium;
import dev.migratest.report.HtmlReport;
import dev.migratest.report.MarkdownSummary;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A 300-migration history, rehearsed as a user's test class would be, must give a report that stays usable: every
 * migration in the overview, risky ones open, the rest collapsed, and a size a browser and a CI artifact store take
 * in their stride. The size is printed for BENCHMARKS.md.
 */
class LongHistoryReportIT {
    static final int MIGRATIONS = 300;
    /** The bound is generous on purpose: it catches a report that grows out of hand, not a few bytes more. */
    static final long MAX_BYTES_PER_MIGRATION = 24 * 1024;

    @TempDir
    static Path dir;
    static Path reportDir;
    static EngineExecutionResults results;

    @MigrationTest(failOn = dev.migratest.findings.Severity.OFF)
    static class LongHistory {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @BeforeAll
    static void rehearse() throws IOException {
        Path migrations = SyntheticHistory.write(dir.resolve("migrations"), MIGRATIONS);
        reportDir = dir.resolve("report");
        results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(LongHistory.class))
                .configurationParameter(MigrationTest.LOCATION_PROPERTY, "filesystem:" + migrations)
                .configurationParameter(MigrationTest.REPORT_DIR_PROPERTY, reportDir.toString())
                .execute();
    }

    @Test
    void everyMigrationIsInTheReportAndTheSizeStaysReasonable() throws IOException {
        results.testEvents().assertStatistics(s -> s.started(MIGRATIONS).succeeded(MIGRATIONS));
        Path html = reportDir.resolve(HtmlReport.FILE);
        long bytes = Files.size(html);
        Document page = Jsoup.parse(html.toFile(), "UTF-8");

        assertThat(page.select("#overview tbody tr")).hasSize(MIGRATIONS);
        assertThat(page.select("details.migration")).hasSize(MIGRATIONS);
        assertThat(page.select("svg.timeline")).hasSize(MIGRATIONS);
        // only what needs a look first is open, the page does not unfold 300 timelines at once
        assertThat(page.select("details.migration[open]")).allSatisfy(section ->
                assertThat(section.attr("data-risky")).isEqualTo("true"));
        assertThat(page.select("details.migration:not([open])")).isNotEmpty();
        assertThat(bytes).isLessThan(MIGRATIONS * MAX_BYTES_PER_MIGRATION);
        long summary = Files.size(reportDir.resolve(MarkdownSummary.FILE));
        assertThat(summary).as("summary.md must fit a GitHub comment").isLessThan(65_536);
        System.out.printf(Locale.ROOT, "[migratest] %d-migration report: report.html %.2f MB (%.1f KB per migration),"
                        + " %d open sections, summary.md %.1f KB%n", MIGRATIONS, bytes / 1e6, bytes / 1e3 / MIGRATIONS,
                page.select("details.migration[open]").size(), summary / 1e3);
    }

    @Test
    void itOpensInChromiumAndItsControlsWork() throws IOException {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            long start = System.nanoTime();
            BrowserPage page = chromium.open(reportDir.resolve(HtmlReport.FILE));
            double loadSeconds = (System.nanoTime() - start) / 1e9;

            assertThat(page.evaluate("document.documentElement.getAttribute('data-ready')")).isEqualTo("true");
            assertThat(page.count("#overview tbody tr")).isEqualTo(MIGRATIONS);
            page.find("#filter").get(0).sendKeys("fk_");
            Object shown = page.evaluate("document.querySelectorAll('#overview tbody tr:not(.hidden)').length");
            assertThat(((Number) shown).intValue()).isBetween(1, MIGRATIONS - 1);
            page.find("#expand-all").get(0).click();
            assertThat(page.count("details.migration[open]")).isEqualTo(MIGRATIONS);
            page.screenshot(Files.createDirectories(Path.of("target/migratest/screenshots")).resolve("long-history.png"));
            assertThat(page.scriptErrors()).isEmpty();
            // a figure for BENCHMARKS.md, not an assertion: this machine's timing is noise
            System.out.printf(Locale.ROOT, "[migratest] %d-migration report loaded in Chromium in %.2f s%n", MIGRATIONS,
                    loadSeconds);
        }
    }
}
