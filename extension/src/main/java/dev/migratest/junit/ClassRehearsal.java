package dev.migratest.junit;

import dev.migratest.findings.Finding;
import dev.migratest.findings.Findings;
import dev.migratest.migration.Tool;
import dev.migratest.postgres.PostgresRequest;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.report.ReportHeader;
import dev.migratest.report.ReportedMigration;
import dev.migratest.report.Verdict;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.HistoryRehearsal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One test class's rehearsal on one server (one per requested Postgres version), kept in the class Store, with the
 * verdicts its tests decided. Closing it drops the class's database.
 */
final class ClassRehearsal implements AutoCloseable {
    private final ClassPlan plan;
    private final PostgresRequest request;
    private final HistoryRehearsal rehearsal;
    private final ReportHeader header;
    /** By identity: results are records whose equality would compare every statement. */
    private final Map<CycleResult, List<Finding>> findings = new IdentityHashMap<>();
    private final Verdicts verdicts = new Verdicts();

    ClassRehearsal(ClassPlan plan, PostgresRequest request, PostgresServer server) {
        this.plan = plan;
        this.request = request;
        Settings settings = plan.settings();
        String label = plan.testClass().substring(plan.testClass().lastIndexOf('.') + 1);
        this.rehearsal = new HistoryRehearsal(server, label, plan.loaded().migrations(), settings.columnOrder(),
                settings.keepFailedDatabase(), settings.snapshotMode(), settings.volume());
        rehearsal.withToolOf(Tool.of(plan.loaded().layout()))
                .withDataCheck(settings.checkData()).withInvariants(settings.invariants())
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
     * verdict, its parameter and the reports — so computed once per result.
     */
    List<Finding> findings(CycleResult result) {
        synchronized (findings) {
            return findings.computeIfAbsent(result, r -> Findings.of(r, plan.settings().findingPolicy()));
        }
    }

    /** A rehearsal with its findings and its verdict before any test method body has run. */
    ReportedMigration rehearsed(CycleResult result) {
        List<Finding> found = findings(result);
        return new ReportedMigration(result, found, Verdict.of(result, found, plan.settings().failOn()));
    }

    /** The verdicts the class's tests decided. */
    Verdicts verdicts() {
        return verdicts;
    }

    /**
     * Every migration rehearsed so far, in history order, with the verdict its tests decided. A migration rehearsed
     * only to reach the state of a selected one (an IDE running one invocation) had no test: it keeps the verdict of
     * its rehearsal and findings.
     */
    List<ReportedMigration> reported() {
        List<CycleResult> results = rehearsal.results();
        List<ReportedMigration> reported = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            ReportedMigration rehearsed = rehearsed(results.get(i));
            reported.add(verdicts.of(i).map(rehearsed::withVerdict).orElse(rehearsed));
        }
        return reported;
    }

    ReportHeader header() {
        return header;
    }

    @Override
    public void close() throws SQLException {
        rehearsal.close();
    }
}
