package dev.migratest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Hands a PostgreSQL server the test class already has to its {@link MigrationTest}: a static field holding a
 * Testcontainers {@code PostgreSQLContainer} (1.x {@code org.testcontainers.containers} or 2.x
 * {@code org.testcontainers.postgresql}; e.g. the one the application's Spring Boot tests share through
 * {@code @ServiceConnection}) or a {@code javax.sql.DataSource} (pgjdbc's {@code PGSimpleDataSource},
 * {@code HikariDataSource}, Spring's {@code DriverManagerDataSource} or {@code SimpleDriverDataSource}, or any object
 * with the same getters), no URL string needed:
 * <pre>{@code
 * @MigrationTest(location = "classpath:db/migration")
 * class ShopMigrationsTest {
 *     @RehearseOn
 *     static PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17");
 *     ...
 * }}</pre>
 * The field is read when the class's first migration runs, so it may also be assigned in a {@code @BeforeAll}
 * method; a container that is not running yet is started (Testcontainers stops it when the JVM ends). migratest reads
 * the URL, user and password from the object (a DataSource without a password getter is refused, saying why) and uses
 * the server as an external one: it creates and drops only scratch databases of its own there, never writes to the
 * handed database and never stops the server. A DataSource whose database holds user tables is refused unless
 * {@code migratest.postgres.allowNonEmptyDatabase=true}; a container's own database may hold tables.
 * <p>
 * The field is the class's choice of server: it wins over {@code migratest.provider} and {@code migratest.postgres.url}
 * for that class, and {@code @MigrationTest(provider = CONTAINER or EMBEDDED)} or a {@code postgresUrl} next to it is
 * refused as a contradiction. The server serves only its own version: a class asking for another major, or an image,
 * fails with the reason. Classes handing different objects get a server each; classes handing the same object share
 * it. One field per class, and it must be static.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RehearseOn {
}
