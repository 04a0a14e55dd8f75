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
 * A forward-only migration (no down, allowed) runs only its UP and is reported SKIPPED: the migrations after it must
 * still start from the truth, as they do after a passing one. Whatever the runner remembers between migrations (data
 * fingerprints, schema snapshots, sequences left behind) must account for what that UP did.
 */
class AfterForwardOnlyIT {
    @ClassServer
    private static PostgresServer server;
    @TempDir
    Path dir;

    @Test
    void theMigrationAfterAForwardOnlyUpdateStartsFromTheUpdatedValues() throws Exception {
        file("V1__create.sql", "CREATE TABLE t (id int PRIMARY KEY, v text);\nINSERT INTO t VALUES (1, 'a'), (2, 'b');\n");
        file("U1__create.sql", "DROP TABLE t;\n");
        file("V2__fix_values.sql", "UPDATE t SET v = upper(v);\n");
        file("V3__more_rows.sql", "INSERT INTO t VALUES (3, 'c'), (4, 'd');\n");
        file("U3__more_rows.sql", "DELETE FROM t WHERE id IN (3, 4);\n");

        List<CycleResult> results = rehearseAll();

        assertThat(results).extracting(CycleResult::outcome).as(results.get(2).failure())
                .containsExactly(Outcome.PASSED, Outcome.SKIPPED, Outcome.PASSED);
        assertThat(results.get(2).data()).as(results.get(2).failure()).isNotNull();
        assertThat(results.get(2).data().lines()).isEmpty();
    }

    @Test
    void anAutocommitForwardOnlyUpdateIsAccountedForToo() throws Exception {
        // autocommit: the trace cannot name every written table, so every table is fingerprinted again
        file("V1__create.sql", "CREATE TABLE t (id int PRIMARY KEY, v text);\nINSERT INTO t VALUES (1, 'a'), (2, 'b');\n");
        file("U1__create.sql", "DROP TABLE t;\n");
        file("V2__fix_values.sql", "CREATE INDEX CONCURRENTLY t_v_idx ON t (v);\nUPDATE t SET v = upper(v);\n");
        // Flyway refuses a script mixing CONCURRENTLY with transactional statements unless it is told to run it outside one
        file("V2__fix_values.sql.conf", "executeInTransaction=false\n");
        file("V3__more_rows.sql", "INSERT INTO t VALUES (3, 'c'), (4, 'd');\n");
        file("U3__more_rows.sql", "DELETE FROM t WHERE id IN (3, 4);\n");

        List<CycleResult> results = rehearseAll();

        assertThat(results).extracting(CycleResult::outcome).as(results.get(2).failure())
                .containsExactly(Outcome.PASSED, Outcome.SKIPPED, Outcome.PASSED);
        assertThat(results.get(2).data().lines()).isEmpty();
    }

    @Test
    void aForwardOnlyUpIsHeldToTheInvariantsLikeAnyOtherUp() throws Exception {
        file("V1__create.sql", "CREATE TABLE t (id int PRIMARY KEY, v text);\nINSERT INTO t VALUES (1, 'a'), (2, 'b');\n");
        file("U1__create.sql", "DROP TABLE t;\n");
        file("V2__purge.sql", "DELETE FROM t WHERE id = 2;\n");

        List<CycleResult> results = rehearseAll(List.of("select count(*) from t"));

        assertThat(results).extracting(CycleResult::outcome).containsExactly(Outcome.PASSED, Outcome.FAILED);
        assertThat(results.get(1).failure()).isEqualTo("2 purge: 1 invariant broke after UP:\n"
                + "  invariant `select count(*) from t` answered 2 before UP but 1 after UP");
    }

    private List<CycleResult> rehearseAll() throws Exception {
        return rehearseAll(List.of());
    }

    private List<CycleResult> rehearseAll(List<String> invariants) throws Exception {
        List<Migration> migrations = MigrationLoader.load(dir, Layout.FLYWAY, true).migrations();
        List<CycleResult> results = new ArrayList<>();
        try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "fwd", migrations, ColumnOrder.STRICT, false,
                SnapshotMode.VERIFY).withInvariants(invariants)) {
            for (int i = 0; i < migrations.size(); i++) results.add(rehearsal.rehearse(i));
        }
        return results;
    }

    private void file(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
