package dev.migratest.postgres;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerAddressTest {

    @Test
    void credentialsInTheUrlTravelAsPropertiesAndNeverAppearInPrintableUrls() {
        ServerAddress address = ServerAddress.parse(
                "jdbc:postgresql://db.local:6543/app?user=alice&password=s3cr%26t&sslmode=disable", null, null);

        assertThat(address.user()).isEqualTo("alice");
        assertThat(address.jdbcUrl("scratch")).isEqualTo("jdbc:postgresql://db.local:6543/scratch?sslmode=disable");
        assertThat(address.printableUrl("scratch"))
                .isEqualTo("jdbc:postgresql://db.local:6543/scratch?sslmode=disable&user=alice&password=***")
                .doesNotContain("s3cr");
        assertThat(address.toString()).doesNotContain("s3cr").contains("/app");
    }

    @Test
    void credentialsBeforeTheHostAreReadAndNeverBecomePartOfTheHost() {
        ServerAddress address = ServerAddress.parse("jdbc:postgresql://bob:p%40ss@db.local:6543/app", null, null);

        assertThat(address.user()).isEqualTo("bob");
        assertThat(address.jdbcUrl("app")).isEqualTo("jdbc:postgresql://db.local:6543/app");
        assertThat(address.printableUrl("app")).isEqualTo("jdbc:postgresql://db.local:6543/app?user=bob&password=***");
    }

    @Test
    void aLibpqUrlIsReadAsThePgjdbcOne() {
        ServerAddress address = ServerAddress.parse("postgresql://bob:hunter2@127.0.0.1:5432/app?sslmode=disable",
                null, null);

        assertThat(address.user()).isEqualTo("bob");
        assertThat(address.jdbcUrl("app")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/app?sslmode=disable");
        assertThat(address.toString()).doesNotContain("hunter2");
    }

    @Test
    void explicitCredentialsWinOverTheUrl() {
        ServerAddress address = ServerAddress.parse("jdbc:postgresql://h/db?user=a&password=b", "carol", "pw");

        assertThat(address.user()).isEqualTo("carol");
        assertThat(address.printableUrl("db")).endsWith("user=carol&password=***");
    }

    @Test
    void maskHidesPasswordsInAnyText() {
        assertThat(ServerAddress.mask("could not connect to jdbc:postgresql://h/db?password=hunter2&user=x"))
                .isEqualTo("could not connect to jdbc:postgresql://h/db?password=***&user=x");
        assertThat(ServerAddress.mask("postgres://bob:hunter2@host/db")).isEqualTo("postgres://bob:***@host/db");
        assertThat(ServerAddress.mask("postgresql://bob:hun@ter2@host/db")).isEqualTo("postgresql://bob:***@host/db");
    }

    @Test
    void aUrlThatIsNotPostgresIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> ServerAddress.parse("jdbc:mysql://h/db?password=x", null, null))
                .hasMessage("Not a PostgreSQL JDBC URL: 'jdbc:mysql://h/db?password=***';"
                        + " expected jdbc:postgresql://host:port/database?user=…&password=…");
    }
}
