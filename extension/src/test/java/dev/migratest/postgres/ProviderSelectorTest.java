package dev.migratest.postgres;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProviderSelectorTest {

    @Test
    void autoTriesExternalThenContainerThenEmbedded() {
        List<PostgresProvider> candidates = ProviderSelector.candidates(ProviderChoice.AUTO,
                new ExternalProvider(null, null, null), PostgresRequest.ANY, false);

        assertThat(candidates).extracting(PostgresProvider::name).containsExactly("external", "container", "embedded");
    }

    @Test
    void autoWithAConfiguredUrlUsesThatServerOnlyAndFailsWhenItCannot() {
        List<PostgresProvider> candidates = ProviderSelector.candidates(ProviderChoice.AUTO,
                new ExternalProvider("jdbc:postgresql://127.0.0.1:9/postgres", "app", null), PostgresRequest.ANY, false);

        NoPostgresAvailableException refused = catchThrowableOfType(NoPostgresAvailableException.class,
                () -> ProviderSelector.start(candidates));
        assertThat(refused.attempts()).singleElement().asString()
                .startsWith("external: failed, the external PostgreSQL server at"
                        + " jdbc:postgresql://127.0.0.1:9/postgres?user=app refused the connection");
    }

    @Test
    void anImageRequestSkipsTheExternalServerEvenWhenAUrlIsConfigured() {
        assertThat(new ExternalProvider("jdbc:postgresql://127.0.0.1:9/postgres", "app", null,
                PostgresRequest.parse("postgres:16-alpine")).unavailableReason())
                .contains("an external server cannot run the image postgres:16-alpine");
    }

    @Test
    void theEmbeddedProviderRefusesAnImageItCannotRun() {
        assertThat(new EmbeddedProvider(PostgresRequest.parse("postgres:16-alpine"), false).unavailableReason())
                .contains("the embedded provider runs a major version, not the image postgres:16-alpine");
    }

    @Test
    void theContainerImageFollowsTheRequest() {
        assertThat(new ContainerProvider(PostgresRequest.parse("16"), false).image()).isEqualTo("postgres:16");
        assertThat(new ContainerProvider(PostgresRequest.parse("localhost/pg:15"), false).image())
                .isEqualTo("localhost/pg:15");
    }

    @Test
    void durabilityStaysOnUnlessTheFastProfileIsAskedFor() {
        assertThat(ContainerProvider.command(false)).containsExactly("postgres");
        assertThat(ContainerProvider.command(true)).containsExactly("postgres", "-c", "fsync=off",
                "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
        assertThat(EmbeddedProvider.durability(false)).containsExactly("fsync=on", "synchronous_commit=on",
                "full_page_writes=on");
    }

    @Test
    void everyAttemptIsListedWhenNoneWorks() {
        PostgresProvider refusing = new ExternalProvider(" ", null, null);
        PostgresProvider failing = new NamedFailingProvider("jdbc:postgresql://h/db?password=topsecret refused");

        NoPostgresAvailableException e = catchThrowableOfType(NoPostgresAvailableException.class,
                () -> ProviderSelector.start(List.of(refusing, failing)));

        assertThat(e.attempts()).containsExactly(
                "external: skipped, no external URL configured (set @MigrationTest(postgresUrl),"
                        + " -Dmigratest.postgres.url or MIGRATEST_POSTGRES_URL)",
                "broken: failed, jdbc:postgresql://h/db?password=*** refused");
        assertThat(e).hasMessageStartingWith("No PostgreSQL server could be provided. Tried, in order:")
                .hasMessageContaining("Fix: point migratest at a server")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void anExternalUrlThatIsNotPostgresFailsWithItsReason() {
        assertThatThrownBy(() -> ProviderSelector.start(List.of(new ExternalProvider("jdbc:h2:mem:x", null, null))))
                .isInstanceOf(NoPostgresAvailableException.class)
                .hasMessageContaining("external: failed, Not a PostgreSQL JDBC URL: 'jdbc:h2:mem:x'");
    }

    /** A provider whose start fails the way a real one does: with an exception carrying a message. */
    private static final class NamedFailingProvider implements PostgresProvider {
        private final String failure;

        NamedFailingProvider(String failure) {
            this.failure = failure;
        }

        @Override
        public String name() {
            return "broken";
        }

        @Override
        public Optional<String> unavailableReason() {
            return Optional.empty();
        }

        @Override
        public PostgresServer start() {
            throw new IllegalStateException(failure);
        }
    }
}
