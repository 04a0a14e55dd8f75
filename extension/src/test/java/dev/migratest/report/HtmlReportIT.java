package dev.migratest.report;

import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.browser.BrowserPage;
import dev.migratest.browser.HeadlessChromium;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The reports of a real rehearsal on Postgres whose history fails in both ways (DOWN errors, DOWN forgets), loses
 * data, and carries non-ASCII text and markup in its SQL.
 */
class HtmlReportIT {
    static final String HOSTILE = "</script><script>alert(1)</script><b>bold</b>";

    @TempDir
    static Path dir;
    static Path reportDir;
    static EngineExecutionResults results;

    @MigrationTest(rows = 200, failOn = dev.migratest.findings.Severity.OFF)
    static class TroubledHistory {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @BeforeAll
    static void rehearse() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        write(migrations, "V1__create_notes.sql", "CREATE TABLE notes (id bigserial PRIMARY KEY, body text, straße text);\n"
                + "INSERT INTO notes (body, straße) VALUES ('" + HOSTILE + "', 'café ✓ 名前 👍');\n");
        write(migrations, "U1__create_notes.sql", "DROP TABLE notes;\n");
        write(migrations, "V2__notes_body_index.sql", "CREATE INDEX notes_body_idx ON notes (body);\n");
        write(migrations, "U2__notes_body_index.sql", "SELECT 1; -- forgets the index\n");
        write(migrations, "V3__notes_title.sql", "ALTER TABLE notes ADD COLUMN title text DEFAULT 'Grüße <i>x</i>';\n");
        write(migrations, "U3__notes_title.sql", "ALTER TABLE notes DROP COLUMN titel;\n");
        write(migrations, "V4__shout.sql", "UPDATE notes SET body = upper(body);\n");
        write(migrations, "U4__shout.sql", "SELECT 1; -- cannot give the old text back\n");
        reportDir = dir.resolve("report");
        results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(TroubledHistory.class))
                .configurationParameter(MigrationTest.LOCATION_PROPERTY, "filesystem:" + migrations)
                .configurationParameter(MigrationTest.REPORT_DIR_PROPERTY, reportDir.toString())
                .execute();
    }

    private static void write(Path dir, String file, String sql) throws IOException {
        Files.writeString(dir.resolve(file), sql, StandardCharsets.UTF_8);
    }

    @Test
    void theRehearsalFailedWhereTheHistoryIsBroken() {
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(1).failed(3));
    }

    @Test
    void eachMigrationPublishesItsKeyFiguresAsReportEntries() {
        List<Map<String, String>> entries = results.testEvents().reportingEntryPublished()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()).toList();

        assertThat(entries).hasSize(4);
        assertThat(entries).extracting(e -> e.get("migratest.outcome"))
                .containsExactly("PASSED", "FAILED", "FAILED", "FAILED");
        assertThat(entries).extracting(e -> e.get("migratest.verdict"))
                .containsExactly("PASSED", "FAILED", "FAILED", "FAILED");
        assertThat(entries.get(1)).containsKeys("migratest.up.ms", "migratest.down.ms", "migratest.up.strongestLock",
                "migratest.up.writesBlockedMs", "migratest.findings", "migratest.data");
        assertThat(entries.get(1).get("migratest.up.strongestLock")).isEqualTo("ShareLock on public.notes");
        assertThat(entries.get(3).get("migratest.data")).isEqualTo("lost");
    }

    @Test
    void theHtmlReportShowsFailuresDiffsAndHostileTextAsText() throws IOException {
        Document page = Jsoup.parse(reportDir.resolve(HtmlReport.FILE).toFile(), "UTF-8");

        assertThat(page.select("#overview tbody tr")).hasSize(4);
        assertThat(page.select("#overview tbody tr").first().select(".badge").text()).isEqualTo("FAILED");
        assertThat(page.select("script")).hasSize(1);
        assertThat(page.select("main b").eachText()).doesNotContain("bold");
        assertThat(page.select(".statements td.sql").eachText()).anyMatch(sql -> sql.contains(HOSTILE)
                && sql.contains("café ✓ 名前 👍"));
        assertThat(page.select("pre.failure").eachText()).anyMatch(f -> f.contains("U3__notes_title.sql:1")
                && f.contains("42703"));
        assertThat(page.select("ul.diff li.unexpected").eachText())
                .anyMatch(line -> line.startsWith("index public.notes_body_idx: unexpected"));
        assertThat(page.select("h3").eachText()).contains("Data: after DOWN vs before UP");
        assertThat(page.select("svg.timeline")).hasSize(4);
        assertThat(page.select("svg.timeline g.phase[data-phase=UP] rect.lock.m-Share")).isNotEmpty();
    }

    @Test
    void theReportRendersInChromiumWithHostileTextShownAsText() throws IOException {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            BrowserPage page = chromium.open(reportDir.resolve(HtmlReport.FILE));

            assertThat(page.evaluate("document.documentElement.getAttribute('data-ready')")).isEqualTo("true");
            assertThat(page.count("#overview tbody tr")).isEqualTo(4);
            // had the literal become markup, there would be a second script (and alert(1) would have run) or a <b>
            assertThat(page.count("script")).isEqualTo(1);
            assertThat(page.evaluate("Array.from(document.querySelectorAll('b, i'))"
                    + ".filter(e => e.textContent === 'bold' || e.textContent === 'x').length")).isEqualTo(0L);
            Object sql = page.evaluate("Array.from(document.querySelectorAll('.statements td.sql pre'))"
                    + ".map(p => p.textContent).join('\\n')");
            assertThat((String) sql).contains(HOSTILE, "café ✓ 名前 👍", "Grüße <i>x</i>");
            assertThat(page.count("svg.timeline g.phase")).isGreaterThanOrEqualTo(4 * 2);
            page.fullPageScreenshot(Files.createDirectories(Path.of("target/migratest/screenshots"))
                    .resolve("troubled-history.png"));
            assertThat(page.scriptErrors()).isEmpty();
        }
    }

    @Test
    void theMarkdownSummaryPutsTheFailuresFirst() throws IOException {
        String md = Files.readString(reportDir.resolve(MarkdownSummary.FILE));

        assertThat(md).startsWith("### migratest: 4 migrations rehearsed: 1 passed, 3 failed, 0 skipped, ");
        List<String> rows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| |")).toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        assertThat(rows.subList(0, 3)).allMatch(row -> row.startsWith("| ❌ failed |"));
    }
}
