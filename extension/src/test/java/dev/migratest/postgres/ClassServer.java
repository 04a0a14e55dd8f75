package dev.migratest.postgres;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A static field that holds one real Postgres for the whole test class: started before the class's first test and
 * closed after its last, as a field annotated {@code @Container} is with Testcontainers. The field's type says which:
 * {@link PostgresServer} — an embedded one; {@link PasswordPostgres} — one that requires a password.
 * <pre>{@code @ClassServer private static PostgresServer server;}</pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ClassServerExtension.class)
public @interface ClassServer {
}
