package dev.migratest.junit;

import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.RehearseOn;
import dev.migratest.postgres.ProviderChoice;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Misuses of {@code @RehearseOn} fail the class before any server is needed, each saying what was found and the fix;
 * none of these classes gets as far as connecting (their DataSource points at a port nothing listens on).
 */
class HandedFieldTest {
    private static final String LOCATION = "classpath:fixtures/passing";

    @MigrationTest(location = LOCATION)
    static class TwoFields {
        @RehearseOn
        static DataSource first = nowhere();
        @RehearseOn
        static DataSource second = nowhere();

        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = LOCATION)
    static class InstanceField {
        @RehearseOn
        DataSource dataSource = nowhere();

        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = LOCATION, provider = ProviderChoice.EMBEDDED)
    static class EmbeddedAndHanded {
        @RehearseOn
        static DataSource dataSource = nowhere();

        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = LOCATION, postgresUrl = "jdbc:postgresql://127.0.0.1:9/postgres")
    static class UrlAndHanded {
        @RehearseOn
        static DataSource dataSource = nowhere();

        @MigrationCycleTest
        void rehearse() {
        }
    }

    @MigrationTest(location = LOCATION)
    static class NeverAssigned {
        @RehearseOn
        static DataSource dataSource;

        @MigrationCycleTest
        void rehearse() {
        }
    }

    @Test
    void twoFieldsAreRefusedNamingBoth() {
        assertThat(failures(TwoFields.class)).singleElement().isEqualTo(TwoFields.class.getName() + " has 2"
                + " @RehearseOn fields (@RehearseOn field " + TwoFields.class.getName() + ".first, @RehearseOn field "
                + TwoFields.class.getName() + ".second); expected one: a class rehearses on one server. Fix: keep"
                + " @RehearseOn on one of them");
    }

    @Test
    void anInstanceFieldIsRefused() {
        assertThat(failures(InstanceField.class)).singleElement().isEqualTo("@RehearseOn field "
                + InstanceField.class.getName() + ".dataSource is not static; expected a static field: one server serves"
                + " the whole class, before any instance exists. Fix: declare it static");
    }

    @Test
    void aProviderThatStartsItsOwnServerContradictsTheField() {
        assertThat(failures(EmbeddedAndHanded.class)).singleElement().isEqualTo("@MigrationTest(provider = EMBEDDED)"
                + " contradicts @RehearseOn field " + EmbeddedAndHanded.class.getName() + ".dataSource: the embedded"
                + " provider starts a server of its own, so the handed one would be ignored; expected provider AUTO or"
                + " EXTERNAL next to a @RehearseOn field. Fix: remove provider = EMBEDDED, or remove @RehearseOn");
    }

    @Test
    void aUrlInTheSameAnnotationContradictsTheField() {
        assertThat(failures(UrlAndHanded.class)).singleElement().isEqualTo("@MigrationTest(postgresUrl = ...)"
                + " contradicts @RehearseOn field " + UrlAndHanded.class.getName() + ".dataSource: a class rehearses on"
                + " one server, and both name one. Fix: remove postgresUrl, or remove @RehearseOn");
    }

    @Test
    void aFieldStillNullWhenTheServerIsNeededFailsEveryMigrationWithTheFix() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NeverAssigned.class))
                .execute();

        results.testEvents().assertStatistics(s -> s.started(2).failed(2));
        assertThat(messages(results.testEvents().failed().stream())).hasSize(2).allSatisfy(message -> assertThat(message)
                .startsWith("@RehearseOn field " + NeverAssigned.class.getName() + ".dataSource is null when migratest"
                        + " needs its server; expected a Testcontainers PostgreSQLContainer (1.x or 2.x) or a"
                        + " javax.sql.DataSource")
                .endsWith("Fix: assign it where it is declared or in a @BeforeAll method"));
    }

    /** The messages of every failed class or test. */
    private static List<String> failures(Class<?> testClass) {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass))
                .execute();
        return messages(results.allEvents().failed().stream());
    }

    private static List<String> messages(Stream<Event> failed) {
        return failed.map(e -> e.getPayload(TestExecutionResult.class)).flatMap(Optional::stream)
                .flatMap(r -> r.getThrowable().stream()).map(Throwable::getMessage).toList();
    }

    /** A DataSource nothing listens behind: these classes must fail before they try it. */
    private static DataSource nowhere() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://127.0.0.1:9/postgres");
        dataSource.setUser("nobody");
        dataSource.setPassword("unused");
        return dataSource;
    }
}
