package dev.migratest.postgres;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a handed object needs no server: only its getters are called. */
class HandedServerTest {
    private static final String FIELD = "@RehearseOn field a.ShopTest.postgres";
    private static final String SECRET = "Handed-pw-canary-42";

    @Test
    void pgjdbcsDataSourceGivesItsUrlUserAndPassword() {
        HandedServer handed = HandedServer.read(pgjdbc("db.example", 6543, "shop"), FIELD);

        assertThat(handed.kind()).isEqualTo(HandedServer.Kind.DATA_SOURCE);
        assertThat(handed.source()).isEqualTo(FIELD + " (org.postgresql.ds.PGSimpleDataSource)");
        assertThat(handed.address().printableUrl("x")).isEqualTo("jdbc:postgresql://db.example:6543/x?user=shop_ci"
                + "&password=***");
        assertThat(handed.address().defaultDatabase()).isEqualTo("shop");
        assertThat(handed.address().hasPassword()).isTrue();
        assertThat(handed.toString()).doesNotContain(SECRET);
    }

    @Test
    void anObjectWithTheGettersOfSpringBootsConnectionDetailsIsReadToo() {
        ConnectionDetails details = new ConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return "jdbc:postgresql://127.0.0.1:5432/app";
            }

            @Override
            public String getUsername() {
                return "app";
            }

            @Override
            public String getPassword() {
                return SECRET;
            }
        };

        HandedServer handed = HandedServer.read(details, FIELD);

        assertThat(handed.kind()).isEqualTo(HandedServer.Kind.OBJECT);
        assertThat(handed.source()).isEqualTo(FIELD + " (" + ConnectionDetails.class.getName() + ")");
        assertThat(handed.address().printableUrl("app")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/app?user=app"
                + "&password=***");
    }

    @Test
    void aDataSourceWithoutAPasswordGetterIsRefusedWithWhatWasFoundAndTheFix() {
        assertThatThrownBy(() -> HandedServer.read(new UrlOnlyDataSource("jdbc:postgresql://h:5432/shop?user=ci"),
                FIELD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(FIELD + " (" + UrlOnlyDataSource.class.getName() + ") gives the URL"
                        + " jdbc:postgresql://h:5432/shop?user=ci (getUrl()) but no password: it has no getPassword()"
                        + " and the URL has no password parameter.")
                .hasMessageContaining("expected a Testcontainers PostgreSQLContainer (1.x or 2.x) or a"
                        + " javax.sql.DataSource with URL, user and password getters")
                .hasMessageContaining("Fix: hand the DataSource this one wraps, or the container, or give the"
                        + " server's URL with user and password in migratest.postgres.url instead");
    }

    @Test
    void aPasswordInTheUrlIsEnoughWithoutAGetter() {
        HandedServer handed = HandedServer.read(new UrlOnlyDataSource("jdbc:postgresql://h:5432/shop?user=ci&password="
                + SECRET), FIELD);

        assertThat(handed.address().hasPassword()).isTrue();
        assertThat(handed.address().printableUrl("shop")).doesNotContain(SECRET).endsWith("user=ci&password=***");
    }

    @Test
    void aWrapperOfPgjdbcsDataSourceIsReadThroughUnwrap() {
        HandedServer handed = HandedServer.read(new WrappingDataSource(pgjdbc("inner.example", 5433, "orders")), FIELD);

        assertThat(handed.source()).isEqualTo(FIELD + " (" + WrappingDataSource.class.getName()
                + ") wrapping org.postgresql.ds.PGSimpleDataSource");
        assertThat(handed.address().printableUrl("orders"))
                .isEqualTo("jdbc:postgresql://inner.example:5433/orders?user=shop_ci&password=***");
    }

    @Test
    void anObjectWithoutAUrlGetterIsRefusedNamingItsClassAndWhatIsExpected() {
        assertThatThrownBy(() -> HandedServer.read("jdbc:postgresql://h/db", FIELD))
                .hasMessage(FIELD + " (java.lang.String) gives no JDBC URL: it has none of getJdbcUrl(), getUrl(),"
                        + " getURL(); expected a Testcontainers PostgreSQLContainer (1.x or 2.x) or a"
                        + " javax.sql.DataSource with URL, user and password getters: pgjdbc's PGSimpleDataSource,"
                        + " HikariDataSource, Spring's DriverManagerDataSource or SimpleDriverDataSource. Fix: hand one"
                        + " of those (set up with its URL), or give the server's URL in migratest.postgres.url instead");
    }

    @Test
    void aDataSourceWithoutAUrlSaysWhichGetterReturnedNothing() {
        assertThatThrownBy(() -> HandedServer.read(new UrlOnlyDataSource(null), FIELD))
                .hasMessageStartingWith(FIELD + " (" + UrlOnlyDataSource.class.getName() + ") gives no JDBC URL:"
                        + " getUrl() returned nothing; ");
    }

    @Test
    void aUrlOfAnotherDatabaseIsRefusedWithThePasswordMasked() {
        assertThatThrownBy(() -> HandedServer.read(new UrlOnlyDataSource("jdbc:mysql://h:3306/shop?user=ci&password="
                + SECRET), FIELD))
                .hasMessage(FIELD + " (" + UrlOnlyDataSource.class.getName() + ") gives the URL"
                        + " jdbc:mysql://h:3306/shop?user=ci&password=***, which is not PostgreSQL's; expected"
                        + " jdbc:postgresql://host:port/database. Fix: hand a PostgreSQL server");
    }

    @Test
    void aTestcontainersJdbcUrlIsRefusedPointingAtTheContainer() {
        assertThatThrownBy(() -> HandedServer.read(new UrlOnlyDataSource("jdbc:tc:postgresql:17:///shop"), FIELD))
                .hasMessageStartingWith(FIELD + " (" + UrlOnlyDataSource.class.getName() + ") gives the URL"
                        + " jdbc:tc:postgresql:17:///shop, a Testcontainers JDBC URL")
                .hasMessageEndingWith("Fix: hand the PostgreSQLContainer itself");
    }

    @Test
    void aNullFieldSaysHowToAssignIt() {
        assertThatThrownBy(() -> HandedServer.read(null, FIELD))
                .hasMessageStartingWith(FIELD + " is null when migratest needs its server; expected a Testcontainers"
                        + " PostgreSQLContainer")
                .hasMessageEndingWith("Fix: assign it where it is declared or in a @BeforeAll method");
    }

    @Test
    void aGetterThatThrowsIsNamedWithItsMessageMasked() {
        ConnectionDetails broken = new ConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                throw new IllegalStateException("cannot build jdbc:postgresql://h/db?password=" + SECRET);
            }

            @Override
            public String getUsername() {
                return "u";
            }

            @Override
            public String getPassword() {
                return SECRET;
            }
        };

        assertThatThrownBy(() -> HandedServer.read(broken, FIELD))
                .hasMessageStartingWith("getJdbcUrl() of " + broken.getClass().getName() + " failed:"
                        + " IllegalStateException: cannot build jdbc:postgresql://h/db?password=***")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aHandedServerServesNoImage() {
        HandedServer handed = HandedServer.read(pgjdbc("h", 5432, "postgres"), FIELD);

        assertThat(new HandedProvider(handed, PostgresRequest.parse("postgres:16-alpine"), false).unavailableReason())
                .contains("the server handed by " + FIELD + " (org.postgresql.ds.PGSimpleDataSource) cannot run the"
                        + " image postgres:16-alpine: it serves only its own version. Fix: remove the image from"
                        + " @MigrationTest(postgres) (or from -Dmigratest.postgres.version), or hand a container of"
                        + " that image");
        assertThat(new HandedProvider(handed, PostgresRequest.parse("16"), false).unavailableReason()).isEmpty();
        assertThat(new HandedProvider(handed, PostgresRequest.ANY, false).name()).isEqualTo("external");
    }

    private static PGSimpleDataSource pgjdbc(String host, int port, String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {host});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser("shop_ci");
        dataSource.setPassword(SECRET);
        return dataSource;
    }

    /** The getters of Spring Boot's JdbcConnectionDetails, which {@code @ServiceConnection} produces. */
    public interface ConnectionDetails {
        String getJdbcUrl();

        String getUsername();

        String getPassword();
    }

    /** A user's DataSource that says its URL but keeps its password to itself, as a proxy or a pool's facade may. */
    public static final class UrlOnlyDataSource extends BareDataSource {
        private final String url;

        UrlOnlyDataSource(String url) {
            this.url = url;
        }

        public String getUrl() {
            return url;
        }
    }

    /** A user's DataSource that only delegates (no getters of its own), as Spring's proxies do. */
    public static final class WrappingDataSource extends BareDataSource {
        private final DataSource target;

        WrappingDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(target) ? type.cast(target) : target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(target) || target.isWrapperFor(type);
        }
    }

    /** A DataSource that opens no connection: reading a handed object must not need one. */
    public abstract static class BareDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("this DataSource opens no connections");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("wraps nothing");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return false;
        }
    }
}
