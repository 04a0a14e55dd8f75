package dev.migratest.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownSummaryTest {

    @Test
    void riskyMigrationsComeFirstWithWorstLockAndFinding() {
        String md = MarkdownSummary.render(List.of(Rehearsals.classReport("Shop", Rehearsals.calm("1"),
                Rehearsals.passedWithRewrite(), Rehearsals.calm("5"))));

        assertThat(md).startsWith("### migratest: 3 migrations rehearsed: 3 passed, 0 failed, 0 skipped, 1 to review\n");
        List<String> rows = md.lines().filter(l -> l.startsWith("| ⚠️")).toList();
        assertThat(rows).singleElement().satisfies(row -> assertThat(row)
                .contains("| 2 users\\_id\\_bigint (Shop) | AccessExclusive on public.users, 120 ms |")
                .contains("| reads 130 ms, writes 130 ms |")
                .contains("**ERROR** table-rewrite: V2 line 2: ALTER TABLE rewrote public.users under "
                        + "AccessExclusiveLock \\<b\\>120 ms\\</b\\> — fix: Add a new column"));
        assertThat(md).contains("<details><summary>2 migrations with nothing to review</summary>")
                .contains("1 create\\_table\\_1 · 5 create\\_table\\_5");
    }

    @Test
    void textFromMigrationsCannotBreakTheTable() {
        assertThat(MarkdownSummary.escape("a|b `c` <b>d</b>\nnext")).isEqualTo("a\\|b \\`c\\` \\<b\\>d\\</b\\> next");

        String md = MarkdownSummary.render(List.of(Rehearsals.classReport("Broken", Rehearsals.failedWithHostileSql())));
        String row = md.lines().filter(l -> l.startsWith("| ❌")).findFirst().orElseThrow();
        // five cells: the pipe count is the table's own
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(6);
        assertThat(row).contains("notes\\_\\<b\\>bold\\</b\\>").contains("\\</script\\>");
    }

    @Test
    void aMigrationFailedByItsFindingsIsCountedFailedAndSaysWhichFindingsFailedIt() {
        String md = MarkdownSummary.render(List.of(Rehearsals.classReport("Shop", Rehearsals.calm("1"),
                Rehearsals.failedOnRewrite())));

        assertThat(md).startsWith("### migratest: 2 migrations rehearsed: 1 passed, 1 failed, 0 skipped, 0 to review\n");
        assertThat(md.lines().filter(l -> l.startsWith("| ❌ failed |")).toList()).singleElement()
                .satisfies(row -> assertThat(row).startsWith("| ❌ failed | 2 users\\_id\\_bigint (Shop) |")
                        .endsWith("| failed on 1 finding: ERROR table-rewrite (UP V2\\_\\_users\\_id\\_bigint.sql:2) |"));
    }
}
