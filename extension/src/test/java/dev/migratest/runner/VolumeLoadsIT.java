package dev.migratest.runner;

import dev.migratest.datagen.LoadProgress;
import dev.migratest.datagen.TableName;
import dev.migratest.datagen.Volume;
import dev.migratest.migration.Layout;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.ClassServer;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A history whose tables appear one migration after another, with volumes written every way a person writes them:
 * each table is loaded once, before the first migration that meets it, with the rows its name means.
 * The fixture: V1 public.customers, V2 public.orders, V3 billing.customers and billing.invoices (billing is not on
 * the search_path), V4 "AuditEvents", V5 an index, V6 a column.
 */
class VolumeLoadsIT {
    @ClassServer
    private static PostgresServer server;

    private final List<Map<String, Long>> loads = new ArrayList<>();

    @Test
    void eachTableIsLoadedOnceWithTheRowsItsQualifiedUnqualifiedOrRatioNameGivesIt() throws Exception {
        Map<String, Long> perTable = new LinkedHashMap<>();
        perTable.put("customers", 300L);
        perTable.put("billing.customers", 7L);
        perTable.put("\"AuditEvents\"", 11L);
        Map<String, Volume.Ratio> ratios = new LinkedHashMap<>();
        ratios.put("orders", new Volume.Ratio("customers", 3));
        ratios.put("billing.invoices", new Volume.Ratio("public.orders", 2));

        List<CycleResult> results = rehearse(new DataVolume(5, perTable, ratios, 1, false));

        assertThat(results).extracting(CycleResult::failure).containsOnlyNulls();
        assertThat(results).extracting(CycleResult::outcome).containsOnly(Outcome.PASSED);
        Map<String, Long> all = Map.of("public.customers", 300L, "public.orders", 900L, "billing.customers", 7L,
                "billing.invoices", 1_800L, "public.AuditEvents", 11L);
        assertThat(results.get(0).rows()).as("no table before V1").isEmpty();
        assertThat(results.get(1).rows()).isEqualTo(only(all, "public.customers"));
        assertThat(results.get(2).rows()).isEqualTo(only(all, "public.customers", "public.orders"));
        assertThat(results.get(3).rows()).isEqualTo(only(all, "public.customers", "public.orders", "billing.customers",
                "billing.invoices"));
        assertThat(results.get(4).rows()).isEqualTo(all);
        assertThat(results.get(5).rows()).isEqualTo(all);
        assertThat(loads).as("one load before each migration that met empty tables, none of them twice").containsExactly(
                only(all, "public.customers"),
                only(all, "public.orders"),
                only(all, "billing.customers", "billing.invoices"),
                only(all, "public.AuditEvents"));
    }

    @Test
    void aVolumeNameThatNoMigrationGivesATableFailsTheLastMigrationWithWhyAndTheNamesThatWouldWork() throws Exception {
        Map<String, Long> perTable = new LinkedHashMap<>();
        perTable.put("custmers", 300L);
        perTable.put("invoices", 20L);
        perTable.put("auditevents", 11L);
        perTable.put("customers", 40L);

        List<CycleResult> results = rehearse(new DataVolume(0, perTable, Map.of("orders", new Volume.Ratio("users", 3)), 1, false));

        assertThat(results.subList(0, 5)).extracting(CycleResult::outcome).containsOnly(Outcome.PASSED);
        CycleResult last = results.get(5);
        assertThat(last.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(last.phases()).as("the migration itself ran and passed").hasSize(3);
        assertThat(last.failure()).isEqualTo("6 add_customers_note: its rehearsal passed, but the data volume (rows,"
                + " tableRows) names 4 tables that no migration of the history creates, so no rows were loaded for them:"
                + " custmers: no table custmers in the search_path (public). Fix: use one of the known tables:"
                + " billing.customers, billing.invoices, public.\"AuditEvents\", public.customers, public.orders"
                + "\n  - invoices: no table invoices in the search_path (public). Fix: qualify it with its schema:"
                + " billing.invoices"
                + "\n  - auditevents: no table auditevents in the search_path (public) (unquoted names are read in lower"
                + " case). Fix: write the name as it is spelled, double-quoted: public.\"AuditEvents\""
                + "\n  - users: no table users in the search_path (public). Fix: use one of the known tables:"
                + " billing.customers, billing.invoices, public.\"AuditEvents\", public.customers, public.orders");
        assertThat(loads).as("only the name that means a table loaded anything")
                .containsExactly(Map.of("public.customers", 40L));
    }

    @Test
    void aForwardOnlyLastMigrationStillHasTheVolumesNamesChecked() throws Exception {
        List<Migration> migrations = MigrationLoader.load("classpath:fixtures/forward_only_last", Layout.FLYWAY, true)
                .migrations();

        List<CycleResult> results = rehearse(migrations, new DataVolume(0, Map.of("custmers", 5L), Map.of(), 1, false));

        assertThat(results.get(0).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(results.get(1).outcome()).as("skipped (no down), but the volume asked for a table that never came")
                .isEqualTo(Outcome.FAILED);
        assertThat(results.get(1).failure()).startsWith("2 add_customers_note: its rehearsal was skipped (")
                .contains("so no rows were loaded for it: custmers: no table custmers in the search_path");
    }

    private List<CycleResult> rehearse(DataVolume volume) throws Exception {
        return rehearse(MigrationLoader.load("classpath:fixtures/volumes", Layout.FLYWAY, false).migrations(), volume);
    }

    private List<CycleResult> rehearse(List<Migration> migrations, DataVolume volume) throws Exception {
        List<CycleResult> results = new ArrayList<>();
        try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "volumes", migrations, ColumnOrder.STRICT, false,
                SnapshotMode.INCREMENTAL, volume).withLoadProgress(new LoadRecorder())) {
            for (int i = 0; i < migrations.size(); i++) results.add(rehearsal.rehearse(i));
        }
        return results;
    }

    private static Map<String, Long> only(Map<String, Long> all, String... tables) {
        Map<String, Long> some = new TreeMap<>();
        for (String table : tables) some.put(table, all.get(table));
        return some;
    }

    /** Rows handed to COPY, per table, for each load the rehearsal made. */
    private final class LoadRecorder implements LoadProgress {
        private final Map<String, Long> load = new TreeMap<>();

        @Override
        public synchronized void started(long loadTarget) {
            load.clear();
        }

        @Override
        public synchronized void progressed(TableName table, long tableRows, long tableTarget, long loadRows,
                                            long loadTarget) {
            load.merge(table.toString(), tableRows, Math::max);
        }

        @Override
        public synchronized void finished(long loadRows) {
            loads.add(new TreeMap<>(load));
        }
    }
}
