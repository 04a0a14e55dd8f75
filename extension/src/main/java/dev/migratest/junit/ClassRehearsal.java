package dev.migratest.junit;

import dev.migratest.migration.LoadedMigrations;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.report.ReportHeader;
import dev.migratest.runner.HistoryRehearsal;

import java.sql.SQLException;

/**
 * What one test class holds in its Store: the migrations it rehearses, the rehearsal itself, and what the report
 * says about the server. Closing it drops the class's database.
 */
final class ClassRehearsal implements AutoCloseable {
    private final Settings settings;
    private final LoadedMigrations loaded;
    private final HistoryRehearsal rehearsal;
    private final ReportHeader header;

    ClassRehearsal(Settings settings, LoadedMigrations loaded, PostgresServer server, String label) {
        this.settings = settings;
        this.loaded = loaded;
        this.rehearsal = new HistoryRehearsal(server, label, loaded.migrations(), settings.columnOrder(),
                settings.keepFailedDatabase(), settings.snapshotMode());
        this.header = new ReportHeader(server.version(), server.providerName(), loaded.location());
    }

    Settings settings() {
        return settings;
    }

    LoadedMigrations loaded() {
        return loaded;
    }

    HistoryRehearsal rehearsal() {
        return rehearsal;
    }

    ReportHeader header() {
        return header;
    }

    @Override
    public void close() throws SQLException {
        rehearsal.close();
    }
}
