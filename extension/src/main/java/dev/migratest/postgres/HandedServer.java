package dev.migratest.postgres;

import org.postgresql.ds.common.BaseDataSource;

import javax.sql.DataSource;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A PostgreSQL server a test class hands to migratest as an object it already has — a Testcontainers container (the
 * 1.x {@code org.testcontainers.containers.PostgreSQLContainer} or the 2.x
 * {@code org.testcontainers.postgresql.PostgreSQLContainer}), a {@link DataSource}, or any object with the same getters
 * (Spring Boot's {@code JdbcConnectionDetails}) — read into an address without compiling against any of their classes.
 * <p>
 * A container: {@code getJdbcUrl()}, {@code getUsername()}, {@code getPassword()}, started first when it is not
 * running. Anything else: the URL from {@code getJdbcUrl()} (HikariCP), {@code getUrl()} (pgjdbc, Spring's
 * {@code DriverManagerDataSource} and {@code SimpleDriverDataSource}) or {@code getURL()}; the user from
 * {@code getUsername()} or {@code getUser()}; the password from {@code getPassword()}. A DataSource that has none of
 * them but wraps pgjdbc's (a proxy, a pool configured by data source class) is read through {@code unwrap}. The
 * password is needed because migratest works in scratch databases next to the handed one, which a DataSource's own
 * connections cannot reach; it never appears in a message.
 */
public final class HandedServer {
    /** What was handed over; it decides whether the server's own database may hold tables. */
    public enum Kind {
        /** A Testcontainers container: a server that exists for the tests, whose own database may hold their tables. */
        CONTAINER,
        /** A {@link DataSource}: it may point at any server, so it is checked like a configured URL. */
        DATA_SOURCE,
        /** Another object with a JDBC URL getter: checked like a configured URL. */
        OBJECT
    }

    private static final String GENERIC_CONTAINER = "org.testcontainers.containers.GenericContainer";
    private static final String[] URL_GETTERS = {"getJdbcUrl", "getUrl", "getURL"};
    private static final String[] USER_GETTERS = {"getUsername", "getUser"};
    private static final String PASSWORD_GETTER = "getPassword";
    private static final String EXPECTED = "expected a Testcontainers PostgreSQLContainer (1.x or 2.x) or a"
            + " javax.sql.DataSource with URL, user and password getters: pgjdbc's PGSimpleDataSource, HikariDataSource,"
            + " Spring's DriverManagerDataSource or SimpleDriverDataSource";
    private static final System.Logger LOG = System.getLogger(HandedServer.class.getName());

    private final String source;
    private final Kind kind;
    private final ServerAddress address;

    private HandedServer(String source, Kind kind, ServerAddress address) {
        this.source = source;
        this.kind = kind;
        this.address = address;
    }

    /**
     * Reads the server {@code handed} describes; {@code holder} says where it came from, e.g.
     * {@code @RehearseOn field com.example.ShopTest.postgres}. Throws, with what was found and the fix, when the object
     * is none of the supported kinds or does not give a PostgreSQL URL and a way to log in.
     */
    public static HandedServer read(Object handed, String holder) {
        if (handed == null) throw missing(holder);
        String source = holder + " (" + typeName(handed.getClass()) + ")";
        Kind kind = handed instanceof DataSource ? Kind.DATA_SOURCE
                : Getters.isA(handed.getClass(), GENERIC_CONTAINER) ? Kind.CONTAINER : Kind.OBJECT;
        if (kind == Kind.CONTAINER) {
            // classes running in parallel may hand the same container: Testcontainers' start() is not thread-safe
            synchronized (handed) {
                startIfStopped(new Getters(handed), source);
            }
        }
        return readGetters(handed, source, kind);
    }

    /** Why {@code holder} cannot be read: it holds nothing yet. */
    public static IllegalArgumentException missing(String holder) {
        return new IllegalArgumentException(holder + " is null when migratest needs its server; " + EXPECTED
                + ". Fix: assign it where it is declared or in a @BeforeAll method");
    }

    /** e.g. {@code @RehearseOn field com.example.ShopTest.postgres (org.testcontainers.postgresql.PostgreSQLContainer)}. */
    public String source() {
        return source;
    }

    public Kind kind() {
        return kind;
    }

    public ServerAddress address() {
        return address;
    }

    private static HandedServer readGetters(Object handed, String source, Kind kind) {
        Getters getters = new Getters(handed);
        Optional<Method> urlGetter = getters.first(URL_GETTERS);
        String url = urlGetter.map(getters::call).map(String::valueOf).filter(u -> !u.isBlank()).orElse(null);
        if (url == null) {
            Optional<Object> wrapped = kind == Kind.DATA_SOURCE ? unwrapPgjdbc((DataSource) handed) : Optional.empty();
            if (wrapped.isPresent()) {
                return readGetters(wrapped.get(), source + " wrapping " + typeName(wrapped.get().getClass()), kind);
            }
            throw new IllegalArgumentException(source + " gives no JDBC URL: " + (urlGetter.isEmpty()
                    ? "it has none of getJdbcUrl(), getUrl(), getURL()" + (kind == Kind.CONTAINER ? " (a GenericContainer"
                    + " does not know it runs PostgreSQL)" : "")
                    : urlGetter.get().getName() + "() returned nothing") + "; " + EXPECTED + ". Fix: hand one of those"
                    + " (set up with its URL), or give the server's URL in migratest.postgres.url instead");
        }
        if (url.startsWith("jdbc:tc:")) {
            throw new IllegalArgumentException(source + " gives the URL " + ServerAddress.mask(url) + ", a"
                    + " Testcontainers JDBC URL that starts a container of its own for each connection pool, which"
                    + " migratest cannot reach; " + EXPECTED + ". Fix: hand the PostgreSQLContainer itself");
        }
        Optional<Method> passwordGetter = getters.first(PASSWORD_GETTER);
        String user = getters.first(USER_GETTERS).map(getters::call).map(String::valueOf).orElse(null);
        String password = passwordGetter.map(getters::call).map(String::valueOf).orElse(null);
        ServerAddress address;
        try {
            address = ServerAddress.parse(url, user, password);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " gives the URL " + ServerAddress.mask(url) + ", which is not"
                    + " PostgreSQL's; expected jdbc:postgresql://host:port/database. Fix: hand a PostgreSQL server", e);
        }
        if (passwordGetter.isEmpty() && !address.hasPassword()) {
            throw new IllegalArgumentException(source + " gives the URL " + address.printableUrl(address
                    .defaultDatabase()) + " (" + urlGetter.orElseThrow().getName() + "()) but no password: it has no"
                    + " getPassword() and the URL has no password parameter. migratest needs the password because it"
                    + " works in scratch databases it creates next to that one, which the DataSource's own connections"
                    + " cannot reach; " + EXPECTED + ". Fix: hand the DataSource this one wraps, or the container, or"
                    + " give the server's URL with user and password in migratest.postgres.url instead");
        }
        return new HandedServer(source, kind, address);
    }

    /** A DataSource wrapping pgjdbc's (a proxy; a pool set up with a data source class): the one inside. */
    private static Optional<Object> unwrapPgjdbc(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(BaseDataSource.class)
                    ? Optional.of(dataSource.unwrap(BaseDataSource.class)) : Optional.empty();
        } catch (SQLException | RuntimeException notUnwrappable) {
            return Optional.empty();
        }
    }

    /**
     * A container that is not running yet (its owner starts it later, or never) is started: its URL exists only then.
     * Testcontainers stops it when the JVM ends; migratest never stops a handed server.
     */
    private static void startIfStopped(Getters container, String source) {
        Optional<Method> isRunning = container.first("isRunning");
        Optional<Method> start = container.first("start");
        if (isRunning.isEmpty() || start.isEmpty() || Boolean.TRUE.equals(container.call(isRunning.get()))) return;
        try {
            container.call(start.get());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the container handed by " + source + " was not running and could not be"
                    + " started: " + e.getMessage() + ". Fix: check that a Docker API answers and the image exists,"
                    + " or start the container before migratest needs it", e);
        }
        LOG.log(System.Logger.Level.INFO, "started the container handed by " + source + ", which was not"
                + " running; Testcontainers stops it when this JVM ends, migratest never does");
    }

    /**
     * The class's name; an anonymous class (a container set up in an initializer block) by what it extends or
     * implements, which is what the reader recognises.
     */
    private static String typeName(Class<?> type) {
        if (!type.isAnonymousClass()) return type.getName();
        if (type.getSuperclass() != Object.class) return typeName(type.getSuperclass());
        return type.getInterfaces().length > 0 ? type.getInterfaces()[0].getName() : type.getName();
    }

    @Override
    public String toString() {
        return source + " at " + address;
    }
}
