package dev.migratest.junit;

import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.postgres.ProviderChoice;
import dev.migratest.runner.Phase;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.util.ArrayList;
import java.util.List;

import static dev.migratest.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** A diesel history as users meet it through JUnit: run in diesel's transactions, with diesel's own table. */
class ToolRulesExtensionIT {

    /** 2 guards on __diesel_schema_migrations; 3 builds an index concurrently, with run_in_transaction = false. */
    @MigrationTest(location = "classpath:fixtures/diesel_tool", provider = ProviderChoice.EMBEDDED)
    static class DieselHistory {
        static final List<String> SEEN = new ArrayList<>();

        @MigrationCycleTest
        void rehearse(MigrationCycle cycle) {
            SEEN.add(cycle.displayName());
            if (cycle.name().equals("index_accounts_email")) {
                assertThat(cycle).ranInAutocommit(Phase.UP).ranInAutocommit(Phase.DOWN);
            } else {
                assertThat(cycle).ranInOneTransaction(Phase.UP).ranInOneTransaction(Phase.DOWN);
            }
        }
    }

    /** The same index without metadata.toml: diesel runs it in a transaction, where PostgreSQL refuses it. */
    @MigrationTest(location = "classpath:fixtures/diesel_concurrently_in_transaction",
            provider = ProviderChoice.EMBEDDED)
    static class ConcurrentlyInDieselsTransaction {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @Test
    void aDieselHistoryThatGuardsOnDieselsTableAndIndexesOutsideATransactionPasses() {
        DieselHistory.SEEN.clear();
        Events tests = run(DieselHistory.class);

        tests.assertStatistics(s -> s.started(3).succeeded(3));
        assertThat(DieselHistory.SEEN).containsExactly("20240101000000 create_accounts",
                "20240102000000 add_accounts_note", "20240103000000 index_accounts_email");
    }

    @Test
    void concurrentlyInDieselsTransactionFailsItsMigrationWithDieselsReasonAndFix() {
        Events tests = run(ConcurrentlyInDieselsTransaction.class);

        tests.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        tests.assertThatEvents().haveExactly(1, event(displayName("20240102000000 index_accounts_email"),
                finishedWithFailure(message(m -> m.startsWith("20240102000000 index_accounts_email: UP failed at"
                        + " 2024-01-02-000000_index_accounts_email/up.sql:2: ERROR 25001: CREATE INDEX CONCURRENTLY"
                        + " cannot run inside a transaction block: diesel runs every migration in a transaction"
                        + " unless its metadata.toml says run_in_transaction = false; fix: add"
                        + " 2024-01-02-000000_index_accounts_email/metadata.toml holding run_in_transaction = false")))));
        tests.assertThatEvents().haveExactly(1, event(displayName("20240101000000 create_accounts"),
                finishedSuccessfully()));
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }
}
