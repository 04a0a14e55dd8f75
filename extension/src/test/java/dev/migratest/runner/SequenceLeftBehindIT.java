package dev.migratest.runner;

import dev.migratest.findings.Finding;
import dev.migratest.findings.FindingPolicy;
import dev.migratest.findings.Findings;
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
 * {@code sequence-behind-column} is reported by the phase that left the sequence behind, and not again by every later
 * phase that touches the table while it stays behind: the later migrations did not cause it.
 */
class SequenceLeftBehindIT {
    private static final String RULE = "sequence-behind-column";
    @ClassServer
    private static PostgresServer server;
    @TempDir
    Path dir;

    @Test
    void seedRowsWithExplicitIdsAreReportedByTheirUpOnlyUntilTheSequenceIsMovedAndLeftBehindAgain() throws Exception {
        file("V1__roles.sql", "CREATE TABLE roles (id serial PRIMARY KEY, name text);\n"
                + "INSERT INTO roles (id, name) VALUES (1, 'admin'), (2, 'user');\n");
        file("U1__roles.sql", "DROP TABLE roles;\n");
        file("V2__label.sql", "ALTER TABLE roles ADD COLUMN label text;\n");
        file("U2__label.sql", "ALTER TABLE roles DROP COLUMN label;\n");
        file("V3__upper.sql", "UPDATE roles SET name = upper(name);\n"); // forward-only
        file("V4__move_sequence.sql", "SELECT setval('roles_id_seq', (SELECT max(id) FROM roles));\n");
        file("U4__move_sequence.sql", "SELECT 1;\n");
        file("V5__guest.sql", "INSERT INTO roles (id, name) VALUES (10, 'guest');\n");
        file("U5__guest.sql", "DELETE FROM roles WHERE id = 10;\n");

        List<CycleResult> results = rehearseAll();

        assertThat(results).extracting(CycleResult::outcome).containsExactly(Outcome.PASSED, Outcome.PASSED,
                Outcome.SKIPPED, Outcome.PASSED, Outcome.PASSED);
        assertThat(sequenceFindings(results)).extracting(Finding::message).containsExactly(
                "V1 UP left sequence public.roles_id_seq behind its column: at 0 < max(public.roles.id) 2;"
                        + " the next INSERT that takes its default collides with an existing row, in this migration"
                        + " and in every later one until the sequence is moved",
                "V5 UP left sequence public.roles_id_seq behind its column: at 2 < max(public.roles.id) 10;"
                        + " the next INSERT that takes its default collides with an existing row, in this migration"
                        + " and in every later one until the sequence is moved");
        assertThat(sequenceFindings(results)).extracting(Finding::phase).containsOnly(Phase.UP);
    }

    @Test
    void aDownThatCopiesRowsBackIsTheOneReported() throws Exception {
        file("V1__t.sql", "CREATE TABLE t (id serial PRIMARY KEY, v text);\nINSERT INTO t (v) VALUES ('a'), ('b'), ('c');\n");
        file("U1__t.sql", "DROP TABLE t;\n");
        file("V2__archive.sql", "CREATE TABLE t_archive AS SELECT * FROM t;\nDROP TABLE t;\n");
        file("U2__archive.sql", "CREATE TABLE t (id serial PRIMARY KEY, v text);\n"
                + "INSERT INTO t SELECT * FROM t_archive;\nDROP TABLE t_archive;\n");
        file("V3__note.sql", "ALTER TABLE t_archive ADD COLUMN note text;\n");
        file("U3__note.sql", "ALTER TABLE t_archive DROP COLUMN note;\n");

        List<CycleResult> results = rehearseAll();

        assertThat(results).extracting(CycleResult::outcome).as(results.get(1).failure()).containsOnly(Outcome.PASSED);
        assertThat(sequenceFindings(results)).singleElement().satisfies(finding -> {
            assertThat(finding.phase()).isEqualTo(Phase.DOWN);
            assertThat(finding.message()).startsWith("V2 down left sequence public.t_id_seq behind its column:");
        });
    }

    @Test
    void aSetvalThatMovesTheSequenceBackIsReportedByItsOwnPhaseNotByTheNextWriteToTheTable() throws Exception {
        file("V1__t.sql", "CREATE TABLE t (id serial PRIMARY KEY, v text);\nINSERT INTO t (v) VALUES ('a'), ('b'), ('c');\n");
        file("U1__t.sql", "DROP TABLE t;\n");
        file("V2__rewind.sql", "SELECT setval('t_id_seq', 1);\n");
        file("U2__rewind.sql", "SELECT setval('t_id_seq', 3);\n");
        file("V3__w.sql", "ALTER TABLE t ADD COLUMN w text;\n");
        file("U3__w.sql", "ALTER TABLE t DROP COLUMN w;\n");

        List<CycleResult> results = rehearseAll();

        assertThat(results).extracting(CycleResult::outcome).containsOnly(Outcome.PASSED);
        assertThat(sequenceFindings(results)).singleElement().extracting(Finding::phase, Finding::message)
                .containsExactly(Phase.UP, "V2 UP left sequence public.t_id_seq behind its column: at 1 < max(public.t.id) 3;"
                        + " the next INSERT that takes its default collides with an existing row, in this migration"
                        + " and in every later one until the sequence is moved");
    }

    @Test
    void aDatabaseRebuiltAfterAFailureKnowsWhichSequencesWereAlreadyBehind() throws Exception {
        file("V1__roles.sql", "CREATE TABLE roles (id serial PRIMARY KEY, name text);\n"
                + "INSERT INTO roles (id, name) VALUES (1, 'admin'), (2, 'user');\n");
        file("U1__roles.sql", "DROP TABLE roles;\n");
        file("V2__x.sql", "ALTER TABLE roles ADD COLUMN x int;\n");
        file("U2__x.sql", "ALTER TABLE roles DROP COLUMN y;\n");
        file("V3__label.sql", "ALTER TABLE roles ADD COLUMN label text;\n");
        file("U3__label.sql", "ALTER TABLE roles DROP COLUMN label;\n");

        List<CycleResult> results = rehearseAll();

        assertThat(results).extracting(CycleResult::outcome)
                .containsExactly(Outcome.PASSED, Outcome.FAILED, Outcome.PASSED);
        assertThat(sequenceFindings(results)).singleElement().extracting(Finding::message).asString()
                .startsWith("V1 UP left sequence public.roles_id_seq behind its column");
    }

    private static List<Finding> sequenceFindings(List<CycleResult> results) {
        return results.stream().flatMap(r -> Findings.of(r, FindingPolicy.defaults()).stream())
                .filter(f -> f.rule().equals(RULE)).toList();
    }

    private List<CycleResult> rehearseAll() throws Exception {
        List<Migration> migrations = MigrationLoader.load(dir, Layout.FLYWAY, true).migrations();
        List<CycleResult> results = new ArrayList<>();
        try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "seq", migrations, ColumnOrder.STRICT, false,
                SnapshotMode.VERIFY)) {
            for (int i = 0; i < migrations.size(); i++) results.add(rehearsal.rehearse(i));
        }
        return results;
    }

    private void file(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
