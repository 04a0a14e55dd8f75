package dev.migratest.junit;

import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.findings.Severity;
import dev.migratest.postgres.ProviderChoice;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** Invariant queries as users declare them: on the annotation and in a file, applied once their tables exist. */
class InvariantsIT {

    @MigrationTest(location = "classpath:fixtures/finding_index", provider = ProviderChoice.EMBEDDED,
            failOn = Severity.OFF, invariantsFile = "classpath:fixtures/invariants/invariants.sql",
            invariants = "select count(*) from orders")
    static class Holding {
        @MigrationCycleTest
        void rehearse(MigrationCycle cycle) {
            assertThat(cycle.dataDiff()).isEmpty();
        }
    }

    @MigrationTest(location = "classpath:fixtures/invariant_broken", provider = ProviderChoice.EMBEDDED,
            invariants = "select sum(cents) from payments")
    static class BrokenByACleanup {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = "classpath:fixtures/finding_index", provider = ProviderChoice.EMBEDDED,
            invariantsFile = "classpath:fixtures/invariants/missing.sql")
    static class MissingFile {
        @MigrationCycleTest
        void rehearse() {
        }
    }

    @Test
    void invariantsFromTheAnnotationAndTheFileApplyOnceTheirTableExistsAndHold() {
        run(Holding.class).assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Test
    void aFileThatIsNotThereFailsTheClassSayingWhereItWasLookedFor() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(MissingFile.class)).execute().containerEvents()
                .assertThatEvents().haveExactly(1, event(container(MissingFile.class.getSimpleName()),
                        finishedWithFailure(message("1 problem in the invariants file at"
                                + " classpath:fixtures/invariants/missing.sql:\n  missing.sql: found no such resource on"
                                + " the classpath; expected a readable UTF-8 .sql file of invariant queries; fix:"
                                + " correct the location, or put the file in"
                                + " src/test/resources/fixtures/invariants/missing.sql"))));
    }

    @Test
    void aMigrationThatChangesAnInvariantsAnswerFailsWithBothAnswers() {
        // V1 creates payments (the invariant cannot run before it: it does not apply); V2 deletes five of them
        run(BrokenByACleanup.class).assertThatEvents()
                .haveExactly(1, event(displayName("1 create_payments"), finishedSuccessfully()))
                .haveExactly(1, event(displayName("2 cleanup_payments"), finishedWithFailure(message(
                        "2 cleanup_payments: 1 invariant broke after UP:\n  invariant `select sum(cents) from"
                                + " payments` answered 5500 before UP but 1500 after UP"))));
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }
}
