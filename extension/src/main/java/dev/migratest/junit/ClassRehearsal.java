package dev.migratest.junit;

import dev.migratest.postgres.PostgresRequest;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.report.ReportHeader;
import dev.migratest.runner.HistoryRehearsal;

import java.sql.SQLException;

/**
 * One test class's rehearsal on one server (one per requested Postgres version), kept in the class Store. Closing it
 * drops the class's database.
 */
final class ClassRehearsal implements AutoCloseable {
    private final ClassPlan plan;
    private final PostgresRequest request;
    private final HistoryRehearsal rehearsal;
    private final ReportHeader header;
    /** By identity: results are records whose equality would compare every statement. */
    private final java.util.Map<dev.migratest.runner.CycleResult, java.util.List<dev.migratest.findings.Finding>>
            findings = new java.util.IdentityHashMap<>();

    ClassRehearsal(ClassPlan plan, PostgresRequest request, PostgresServer server) {
        this.plan = plan;
        this.request = request;
        Settings settings = plan.settings();
        String label = plan.testClass().substring(plan.testClass().lastIndexOf('.') + 1);
        this.rehearsal = new HistoryRehearsal(server, label, plan.loaded().migrations(), settings.columnOrder(),
                settings.keepFailedDatabase(), settings.snapshotMode(), settings.volume());
        rehearsal.withDataCheck(settings.checkData()).withInvariants(settings.invariants())
                .withPreviousVersionQueries(settings.previousVersionQueries());
        if (settings.lockQueueBlockerHold() != null) rehearsal.withLockQueueCheck(settings.lockQueueBlockerHold());
        this.header = new ReportHeader(server.version(), server.providerName(), plan.loaded().location());
    }

    ClassPlan plan() {
        return plan;
    }

    PostgresRequest request() {
        return request;
    }

    HistoryRehearsal rehearsal() {
        return rehearsal;
    }

    /**
     * The findings of one rehearsal under the class's policy: a pure function of the result, asked for by the test's
     * verdict, its parameter, the console line, the report entries and both reports — so computed once per result.
     */
    java.util.List<dev.migratest.findings.Finding> findings(dev.migratest.runner.CycleResult result) {
        synchronized (findings) {
            return findings.computeIfAbsent(result,
                    r -> dev.migratest.findings.Findings.of(r, plan.settings().findingPolicy()));
        }
    }

    ReportHeader header() {
        return header;
    }

    @Override
    public void close() throws SQLException {
        rehearsal.close();
    }
}
