package dev.migratest.runner;

import dev.migratest.migration.Layout;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.ClassServer;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A view whose definition holds {@code 'now'} stores the moment it was created: the second UP (and a DOWN that creates
 * it again) stores another. That is the clock, not the migration: the cycle passes and the result says why the
 * definitions differ. A real difference next to it still fails.
 */
class FrozenClockIT {
    @ClassServer
    private static PostgresServer server;
    @TempDir
    Path dir;

    @Test
    void aViewThatFrozeNowPassesItsSecondUpWithANote() throws Exception {
        file("V1__recent.sql", "CREATE TABLE events (id int, at timestamp);\n"
                + "CREATE VIEW recent_events AS SELECT * FROM events WHERE at > 'now'::timestamp - interval '1 day';\n");
        file("U1__recent.sql", "DROP VIEW recent_events;\nDROP TABLE events;\n");

        CycleResult result = rehearseAll().get(0);

        assertThat(result.outcome()).as(result.failure()).isEqualTo(Outcome.PASSED);
        assertThat(result.reupVsUp()).isEmpty();
        assertThat(result.schemaNotes()).singleElement().asString()
                .startsWith("view public.recent_events: its definition froze the time it was created ('now' became '")
                .contains("::timestamp without time zone, was '")
                .endsWith(" after the first UP); not a difference of the migration");
    }

    @Test
    void aDownThatCreatesTheViewAgainPassesWithANoteToo() throws Exception {
        String view = "CREATE VIEW recent_events AS SELECT * FROM events WHERE at > 'NOW'::timestamp - interval '1 day';\n";
        file("V1__events.sql", "CREATE TABLE events (id int, at timestamp);\n" + view);
        file("U1__events.sql", "DROP VIEW recent_events;\nDROP TABLE events;\n");
        file("V2__drop_view.sql", "DROP VIEW recent_events;\n");
        file("U2__drop_view.sql", view);

        List<CycleResult> results = rehearseAll();

        assertThat(results).extracting(CycleResult::outcome).containsExactly(Outcome.PASSED, Outcome.PASSED);
        assertThat(results.get(1).downVsBefore()).isEmpty();
        assertThat(results.get(1).schemaNotes()).singleElement().asString()
                .startsWith("view public.recent_events: its definition froze the time it was created ('now' became ")
                .endsWith(" before UP); not a difference of the migration");
    }

    @Test
    void aRealDifferenceNextToAFrozenClockStillFailsTheSecondUp() throws Exception {
        file("V1__stamped.sql", "CREATE TABLE events (id int, at timestamp);\n"
                // the transaction id differs in every UP: a real difference, beside a frozen 'now'
                + "DO $$ BEGIN EXECUTE format('CREATE VIEW v AS SELECT %s AS run, ''now''::timestamp AS at',"
                + " txid_current()); END $$;\n");
        file("U1__stamped.sql", "DROP VIEW v;\nDROP TABLE events;\n");

        CycleResult result = rehearseAll().get(0);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.failedPhase()).isEqualTo(Phase.REUP);
        assertThat(result.reupVsUp()).singleElement().asString().startsWith("view public.v: definition ");
        assertThat(result.schemaNotes()).isEmpty();
    }

    private List<CycleResult> rehearseAll() throws Exception {
        List<Migration> migrations = MigrationLoader.load(dir, Layout.FLYWAY, false).migrations();
        List<CycleResult> results = new ArrayList<>();
        try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "clock", migrations, ColumnOrder.STRICT, false,
                SnapshotMode.VERIFY)) {
            for (int i = 0; i < migrations.size(); i++) results.add(rehearsal.rehearse(i));
        }
        return results;
    }

    private void file(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
