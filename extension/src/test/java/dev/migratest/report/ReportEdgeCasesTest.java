package dev.migratest.report;

import dev.migratest.findings.Finding;
import dev.migratest.findings.Severity;
import dev.migratest.locks.Blocking;
import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.locks.LockedObject;
import dev.migratest.locks.ObjectKind;
import dev.migratest.locks.StatementTrace;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import dev.migratest.runner.StatementResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ReportEdgeCasesTest {

    private static ReportedMigration withSql(String version, String sql) {
        CycleResult r = new CycleResult(Rehearsals.migration(version, "emoji"), Outcome.PASSED, null, null, null,
                List.of(Rehearsals.phase(Phase.UP, 2, Rehearsals.plain(1, sql, 0, 2))), List.of(), List.of());
        return Rehearsals.reported(r, List.of());
    }

    /** The SVG title is cut at 300 chars: an emoji straddling the cut must not leave half a character. */
    @Test
    void anEmojiAtTheTitleCutDoesNotBreakWritingTheReport(@TempDir Path dir) {
        String sql = "INSERT INTO t(v) VALUES ('" + "x".repeat(300 - 26 - 1) + "😀')";
        List<ClassReport> run = List.of(Rehearsals.classReport("Emoji", withSql("1", sql)));
        assertThatCode(() -> HtmlReport.write(dir, run, "now", GrowthCurves.empty())).doesNotThrowAnyException();
    }

    /** The statement table cuts at 4000 chars. */
    @Test
    void anEmojiAtTheStatementCutDoesNotBreakWritingTheReport(@TempDir Path dir) {
        String sql = "-- " + "x".repeat(MigrationSection.SQL_SHOWN - 4) + "😀\nSELECT 1";
        List<ClassReport> run = List.of(Rehearsals.classReport("Emoji", withSql("1", sql)));
        assertThatCode(() -> HtmlReport.write(dir, run, "now", GrowthCurves.empty())).doesNotThrowAnyException();
    }

    /** summary.md cuts messages at 240 chars. */
    @Test
    void anEmojiAtTheMessageCutDoesNotBreakTheSummary(@TempDir Path dir) {
        CycleResult r = new CycleResult(Rehearsals.migration("1", "w"), Outcome.PASSED, null, null, null,
                List.of(Rehearsals.phase(Phase.UP, 2, Rehearsals.plain(1, "SELECT 1", 0, 2))), List.of(), List.of());
        Finding f = new Finding("r", Severity.WARNING, Phase.UP, 1, "V1.sql", null, "m".repeat(239) + "😀", "a", false);
        List<ClassReport> run = List.of(Rehearsals.classReport("Emoji", Rehearsals.reported(r, List.of(f))));
        assertThatCode(() -> MarkdownSummary.write(dir, run)).doesNotThrowAnyException();
    }

    /** A skipped migration was never rehearsed: counted, and listed for review. */
    @Test
    void skippedMigrationsAreNotNothingToReview() {
        CycleResult skipped = new CycleResult(Rehearsals.migration("2", "after_failure"), Outcome.SKIPPED,
                "the earlier migrations' UPs could not be replayed", null, null, List.of(), List.of(), List.of());
        String md = MarkdownSummary.render(List.of(Rehearsals.classReport("Skips", Rehearsals.calm("1"),
                Rehearsals.reported(skipped, List.of()))));
        assertThat(md).startsWith("### migratest: 2 migrations rehearsed: 1 passed, 0 failed, 1 skipped, 0 to review")
                .doesNotContain("2 migrations with nothing to review");
    }

    /** A 1 ms block is not "to review" and must not rank above a migration with a WARNING, which is. */
    @Test
    void unflaggedRowsDoNotOutrankFlaggedOnes() {
        LockedObject users = Rehearsals.USERS;
        LockHold hold = new LockHold(users, LockMode.SHARE_UPDATE_EXCLUSIVE, 0, 1, null, false);
        StatementTrace trace = new StatementTrace(List.of(hold), List.of(), null,
                new Blocking(false, true, List.of(), List.of("public.users"), true), "2s", "0");
        CycleResult blip = new CycleResult(Rehearsals.migration("1", "blip"), Outcome.PASSED, null, null, null,
                List.of(Rehearsals.phase(Phase.UP, 1, new StatementResult(1, "ALTER ...", 0, 1, trace))),
                List.of(), List.of());
        Finding warning = new Finding("r", Severity.WARNING, Phase.UP, 1, "V2.sql", null, "m", "a", false);
        CycleResult warned = new CycleResult(Rehearsals.migration("2", "warned"), Outcome.PASSED, null, null, null,
                List.of(Rehearsals.phase(Phase.UP, 1, Rehearsals.plain(1, "SELECT 1", 0, 1))), List.of(), List.of());
        Document page = Jsoup.parse(HtmlReport.render(List.of(Rehearsals.classReport("Rank",
                Rehearsals.reported(blip, List.of()), Rehearsals.reported(warned, List.of(warning)))), "now",
                GrowthCurves.empty()));
        assertThat(page.select("#overview tbody tr").eachAttr("data-risky")).containsExactly("true", "false");
    }

    /** summary.md must fit a GitHub comment (65 536 characters) however long the calm part of the history is. */
    @Test
    void aLongCalmHistoryStaysUnderGitHubsCommentLimit() {
        List<ReportedMigration> many = new ArrayList<>();
        for (int i = 0; i < 1500; i++) many.add(Rehearsals.calm(String.valueOf(20240101000000L + i)));
        String md = MarkdownSummary.render(List.of(Rehearsals.classReport("Long",
                many.toArray(ReportedMigration[]::new))));
        assertThat(md.length()).isLessThan(65_536);
        assertThat(md).contains("… and 1200 more in report.html");
    }
}
