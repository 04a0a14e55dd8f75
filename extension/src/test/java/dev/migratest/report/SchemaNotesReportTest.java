package dev.migratest.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A difference explained as a frozen clock reaches the JSON and HTML reports as a note, not as a difference. */
class SchemaNotesReportTest {
    private static final String NOTE = "view public.v: its definition froze the time it was created ('now' became"
            + " '2026-12-07 10:00:00.2'::timestamp without time zone, was '2026-12-07 10:00:00.1' after the first UP);"
            + " not a difference of the migration";

    private static ReportedMigration passedWithNote() {
        CycleResult r = new CycleResult(Rehearsals.migration("3", "recent_view"), Outcome.PASSED, null, null, null,
                List.of(Rehearsals.phase(Phase.UP, 2, Rehearsals.plain(1, "CREATE VIEW v AS SELECT 'now'::timestamp", 0, 2)),
                        Rehearsals.phase(Phase.DOWN, 1, Rehearsals.plain(1, "DROP VIEW v", 0, 1)),
                        Rehearsals.phase(Phase.REUP, 2, Rehearsals.plain(1, "CREATE VIEW v AS SELECT 'now'::timestamp", 0, 2))),
                List.of(), List.of(), Map.of(), null, null, List.of(NOTE));
        return Rehearsals.reported(r, List.of());
    }

    @Test
    void theJsonReportListsTheNoteBesideTheEmptyDifferences() {
        JsonNode m = JsonReport.toJson(new ReportHeader("15.18", "embedded", "classpath:db/migration"),
                List.of(passedWithNote())).get("migrations").get(0);

        assertThat(m.get("verdict").asText()).isEqualTo("PASSED");
        assertThat(m.get("schemaDiff").get("reupVsUp")).isEmpty();
        assertThat(m.get("schemaDiff").get("notes")).singleElement().extracting(JsonNode::asText).isEqualTo(NOTE);
    }

    @Test
    void theHtmlSectionShowsTheNoteUnderItsOwnHeading() {
        Document page = Jsoup.parse(HtmlReport.render(List.of(Rehearsals.classReport("dev.example.ClockTest",
                passedWithNote())), "run started now", GrowthCurves.empty()));

        assertThat(page.select("h3").eachText()).contains("Schema: differences that are not the migration's");
        assertThat(page.select("ul.diff li").eachText()).containsExactly(NOTE);
    }
}
