package dev.migratest.benchmarks;

import dev.migratest.locks.Tracing;
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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks' own histories must themselves be correct and reversible, or the numbers mean nothing; and each
 * comparison gets a tiny smoke run so that it cannot rot between the times someone runs it for real.
 */
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

    @Test
    void tracingOverheadComparisonRunsBothModesOnATinyTable() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        TracingOverheadComparison.Report report = TracingOverheadComparison.run(5_000, 1, out);
        TracingOverheadComparison.print(report, out);

        assertThat(report.samples()).containsKeys("setup: setup_accounts", "add_column_nullable", "create_index",
                "create_index_concurrently", "check_not_valid_validate", "backfill_update", "alter_type_int_bigint",
                TracingOverheadComparison.TOTAL);
        var traced = report.of(TracingOverheadComparison.TOTAL, TracingOverheadComparison.TRACED);
        var untraced = report.of(TracingOverheadComparison.TOTAL, TracingOverheadComparison.UNTRACED);
        assertThat(traced).singleElement().satisfies(s -> {
            assertThat(s.statements()).isPositive();
            assertThat(s.tracedStatements()).as("the switch must turn tracing on").isEqualTo(s.statements());
        });
        assertThat(untraced).singleElement().satisfies(s -> {
            assertThat(s.statements()).isEqualTo(traced.get(0).statements());
            assertThat(s.tracedStatements()).as("-Dmigratest.trace=false must turn it off").isZero();
        });
        assertThat(System.getProperty(Tracing.ENABLED_PROPERTY)).as("restored").isNull();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("traced / untraced, total");
    }

    @Test
    void fingerprintComparisonTimesEveryContenderOnATinyTable() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        var seconds = FingerprintComparison.run(5_000, 1, out);

        assertThat(seconds).containsOnlyKeys(FingerprintComparison.COUNT, FingerprintComparison.ROW_TEXT,
                FingerprintComparison.FINGERPRINT);
        assertThat(seconds.values()).allSatisfy(times -> assertThat(times).singleElement().satisfies(
                t -> assertThat(t).isPositive()));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("migratest fingerprint");
    }
}
