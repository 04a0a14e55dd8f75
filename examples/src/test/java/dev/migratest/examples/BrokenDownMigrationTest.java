package dev.migratest.examples;

import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * What a broken history looks like: {@code U2} has a typo and fails, {@code U3} forgets an index. The history is
 * rehearsed through JUnit's EngineTestKit so that this test can assert how migratest reports the failures.
 */
class BrokenDownMigrationTest {

    /** Not run on its own (surefire skips nested classes): only through the EngineTestKit below. */
    @MigrationTest(location = "classpath:db/broken")
    static class BrokenHistory {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @Test
    void failuresNameThePhaseTheFileTheLineAndTheDifference() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BrokenHistory.class))
                // its own report, so this nested run does not overwrite the examples' report.html
                .configurationParameter(MigrationTest.REPORT_DIR_PROPERTY, "target/migratest/broken-history")
                .execute()
                .testEvents();

        tests.assertStatistics(stats -> stats.started(3).succeeded(1).failed(2));
        tests.assertThatEvents()
                .haveExactly(1, event(displayName("1 create_users"), finishedSuccessfully()))
                .haveExactly(1, event(displayName("2 add_users_phone"), finishedWithFailure(message(m ->
                        m.startsWith("2 add_users_phone: DOWN failed at U2__add_users_phone.sql:2: ERROR 42703:")
                                && m.contains("column \"phon\" of relation \"users\" does not exist")
                                && m.contains("rolled back")))))
                .haveExactly(1, event(displayName("3 index_users_email"), finishedWithFailure(message(m ->
                        m.startsWith("3 index_users_email: DOWN did not restore the schema before UP"
                                + " (U3__index_users_email.sql), 1 difference:")
                                && m.contains("index public.users_email_idx: unexpected")))));
        assertThat(tests.failed().count()).isEqualTo(2);
    }
}
