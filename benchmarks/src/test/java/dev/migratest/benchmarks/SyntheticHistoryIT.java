package dev.migratest.benchmarks;

import dev.migratest.migration.Layout;
import dev.migratest.migration.LoadedMigrations;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.HistoryRehearsal;
import dev.migratest.runner.Outcome;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's generated history must itself be a correct, reversible history, or the numbers mean nothing. */
class SyntheticHistoryIT {

    @Test
    void everyKindOfGeneratedMigrationPassesTheRehearsal(@TempDir Path dir) throws Exception {
        LoadedMigrations loaded = MigrationLoader.load(SyntheticHistory.write(dir, 36), Layout.GOLANG_MIGRATE, false);
        assertThat(loaded.migrations()).hasSize(36);

        List<CycleResult> results = new ArrayList<>();
        try (PostgresServer server = new EmbeddedProvider().start();
             HistoryRehearsal rehearsal = new HistoryRehearsal(server, "synthetic", loaded.migrations(),
                     ColumnOrder.STRICT, false, SnapshotMode.VERIFY)) {
            for (int i = 0; i < loaded.migrations().size(); i++) {
                results.add(rehearsal.rehearse(i));
            }
        }

        assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as("%s", r.failure()).isEqualTo(Outcome.PASSED));
        assertThat(results).extracting(r -> r.migration().name())
                .anyMatch(n -> n.startsWith("fk_")).anyMatch(n -> n.startsWith("trigger_"))
                .anyMatch(n -> n.startsWith("view_")).anyMatch(n -> n.startsWith("enum_and_sequence_"));
    }
}
