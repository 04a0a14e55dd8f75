package dev.migratest.report;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    private static Document render(ClassReport... classes) {
        return Jsoup.parse(HtmlReport.render(List.of(classes), "run started now", GrowthCurves.empty()));
    }

    @Test
    void userTextWithMarkupRendersAsTextEverywhere() {
        Document page = render(Rehearsals.classReport("Hostile", Rehearsals.failedWithHostileSql(),
                Rehearsals.passedWithRewrite()));

        // our own script is the only one; nothing from the migration became an element
        assertThat(page.select("script")).hasSize(1);
        assertThat(page.select("script").first().data()).doesNotContain("alert(1)");
        assertThat(page.select("main b").eachText()).doesNotContain("bold", "120 ms", "x");
        assertThat(page.select("pre.failure").text()).contains("syntax error near '</script><b>x</b>'");
        assertThat(page.select(".statements td.sql").eachText())
                .contains(Rehearsals.HOSTILE_SQL);
        assertThat(page.select("#overview a").eachText()).contains("3 notes_<b>bold</b>");
        assertThat(page.select(".finding").text()).contains("under AccessExclusiveLock <b>120 ms</b>");
        // non-ASCII survives, and the SVG titles carry the SQL as text
        assertThat(page.select("svg.timeline title").eachText()).anyMatch(t -> t.contains("café ✓ 名前")
                && t.contains("</script>"));
    }

    @Test
    void overviewListsFailuresFirstThenErrorsThenTheRest() {
        Document page = render(Rehearsals.classReport("Mixed", Rehearsals.calm("1"), Rehearsals.passedWithRewrite(),
                Rehearsals.failedWithHostileSql()), Rehearsals.classReport("Other", Rehearsals.downForgetsIndexAndData()));

        List<String> order = page.select("#overview tbody tr td:nth-child(3)").eachText();
        // both failed; the one that also lost data first
        assertThat(order).containsExactly("4 email_index", "3 notes_<b>bold</b>", "2 users_id_bigint",
                "1 create_table_1");
        assertThat(page.select("#overview tbody tr").first().attr("data-risky")).isEqualTo("true");
        assertThat(page.select("#overview tbody tr").last().attr("data-risky")).isEqualTo("false");
        // sections keep history order per class, and each overview link has its section
        assertThat(page.select("details.migration > summary > b").eachText())
                .containsExactly("1 create_table_1", "2 users_id_bigint", "3 notes_<b>bold</b>", "4 email_index");
        for (Element link : page.select("#overview a")) {
            assertThat(page.getElementById(link.attr("href").substring(1))).as(link.text()).isNotNull();
        }
        assertThat(page.select("header .totals").text()).contains("4 migrations", "2 passed", "2 failed", "0 skipped", "1 to review");
    }

    @Test
    void timelineDrawsStatementsLocksByModeAndBlockedIntervals() {
        Document page = render(Rehearsals.classReport("Locks", Rehearsals.passedWithRewrite()));

        Element svg = page.selectFirst("svg.timeline");
        assertThat(svg.select("g.phase").eachAttr("data-phase")).containsExactly("UP", "DOWN", "REUP");
        Element up = svg.selectFirst("g.phase[data-phase=UP]");
        assertThat(up.select("rect.stmt")).hasSize(2);
        assertThat(up.select("rect.lock.m-AccessExclusive")).hasSize(1);
        assertThat(up.select("rect.blocked-r")).hasSize(1);
        assertThat(up.select("rect.blocked-w")).hasSize(1);
        // blocked from the ALTER's start (0.5 ms) to COMMIT: 129.5 of the phase's 130 ms
        assertThat(up.selectFirst("rect.blocked-r title").text()).contains("blocked 130 ms from 0.50 ms, from line 2 until COMMIT");
        assertThat(up.selectFirst("rect.lock title").text())
                .startsWith("AccessExclusiveLock on public.users · held 120 ms from 0.50 ms");
    }

    @Test
    void schemaAndDataDifferencesReadAsADiff() {
        Document page = render(Rehearsals.classReport("Diffs", Rehearsals.downForgetsIndexAndData()));

        assertThat(page.select("ul.diff li.unexpected").eachText())
                .containsExactly("index public.users_email_idx: unexpected (btree (email))");
        assertThat(page.select("ul.diff li.changed").eachText())
                .containsExactly("column public.users.note: type text → varchar(10)",
                        "public.users: 5 000 rows → 4 990 rows");
        assertThat(page.select("ul.diff li.missing").eachText())
                .containsExactly("column public.users.straße: missing (expected: text)");
    }

    @Test
    void thePageNeedsNothingFromTheNetwork() {
        Document page = render(Rehearsals.classReport("Any", Rehearsals.passedWithRewrite(), Rehearsals.calm("9")));

        assertThat(page.select("[src]")).isEmpty();
        assertThat(page.select("link")).isEmpty();
        assertThat(page.select("a[href]").eachAttr("href")).allMatch(h -> h.startsWith("#") || h.endsWith(".json"));
        assertThat(page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .startsWith("default-src 'none'");
    }

    @Test
    void aMigrationFailedByItsFindingsShowsFailedWithTheFindingsThatFailedIt() {
        Document page = render(Rehearsals.classReport("Shop", Rehearsals.calm("1"), Rehearsals.failedOnRewrite()));

        Element badge = page.selectFirst("#overview tbody tr .badge");
        assertThat(badge.text()).isEqualTo("FAILED");
        assertThat(badge.attr("title")).isEqualTo("failed on 1 finding: ERROR table-rewrite (UP V2__users_id_bigint.sql:2)");
        Element section = page.selectFirst("details.migration.outcome-FAILED");
        assertThat(section.selectFirst("summary .badge").text()).isEqualTo("FAILED");
        assertThat(section.selectFirst("h3.failed-because").attr("data-kind")).isEqualTo("FINDINGS");
        assertThat(section.selectFirst("pre.failure").text()).contains("ERROR table-rewrite (UP V2__users_id_bigint.sql:2)");
        assertThat(page.select("header .totals span").eachText())
                .containsSubsequence("2 migrations", "1 passed", "1 failed", "0 skipped", "0 to review");
    }
}
