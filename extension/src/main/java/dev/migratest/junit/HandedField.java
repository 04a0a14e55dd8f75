package dev.migratest.junit;

import dev.migratest.MigrationTest;
import dev.migratest.RehearseOn;
import dev.migratest.postgres.HandedServer;
import dev.migratest.postgres.PostgresRequest;
import dev.migratest.postgres.ProviderChoice;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A test class's {@link RehearseOn} field: found and checked when the class starts (one, static, not contradicted by
 * its {@link MigrationTest}), read only when the class's server is first needed — after its {@code @BeforeAll}
 * methods, which may assign it.
 */
final class HandedField {
    private final Field field;

    private HandedField(Field field) {
        this.field = field;
    }

    /** The class's field, if it has one; a misuse fails the class before anything runs, saying the fix. */
    static Optional<HandedField> find(Class<?> testClass, MigrationTest annotation) {
        List<Field> fields = AnnotationSupport.findAnnotatedFields(testClass, RehearseOn.class);
        if (fields.isEmpty()) return Optional.empty();
        if (fields.size() > 1) {
            throw new ExtensionConfigurationException(testClass.getName() + " has " + fields.size() + " @RehearseOn"
                    + " fields (" + fields.stream().map(HandedField::describe).sorted().collect(Collectors.joining(", "))
                    + "); expected one: a class rehearses on one server. Fix: keep @RehearseOn on one of them");
        }
        Field field = fields.get(0);
        if (!ModifierSupport.isStatic(field)) {
            throw new ExtensionConfigurationException(describe(field) + " is not static; expected a static field:"
                    + " one server serves the whole class, before any instance exists. Fix: declare it static");
        }
        refuseConflicts(annotation, describe(field));
        return Optional.of(new HandedField(field));
    }

    /**
     * A provider that starts its own server, or a URL, in the same annotation as a handed server: one of them would be
     * ignored silently. (Global settings — the provider and URL properties — are not a conflict: the field is the
     * class's own choice.)
     */
    private static void refuseConflicts(MigrationTest annotation, String field) {
        ProviderChoice provider = annotation.provider();
        if (provider == ProviderChoice.CONTAINER || provider == ProviderChoice.EMBEDDED) {
            throw new ExtensionConfigurationException("@MigrationTest(provider = " + provider + ") contradicts " + field
                    + ": the " + provider.name().toLowerCase(Locale.ROOT) + " provider starts a server of its own, so"
                    + " the handed one would be ignored; expected provider AUTO or EXTERNAL next to a @RehearseOn"
                    + " field. Fix: remove provider = " + provider + ", or remove @RehearseOn");
        }
        if (!annotation.postgresUrl().isBlank()) {
            throw new ExtensionConfigurationException("@MigrationTest(postgresUrl = ...) contradicts " + field + ": a"
                    + " class rehearses on one server, and both name one. Fix: remove postgresUrl, or remove"
                    + " @RehearseOn");
        }
    }

    /** e.g. {@code @RehearseOn field com.example.ShopTest.postgres}. */
    String describe() {
        return describe(field);
    }

    private static String describe(Field field) {
        return "@RehearseOn field " + field.getDeclaringClass().getName() + "." + field.getName();
    }

    /** The field's value now; null fails the class's migrations with the fix. */
    Object value() {
        Object value;
        try {
            field.setAccessible(true);
            value = field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MigrationFailure("migratest could not read " + describe() + ": " + e);
        }
        if (value == null) throw new MigrationFailure(HandedServer.missing(describe()).getMessage());
        return value;
    }

    /**
     * The root-Store key of the server for {@code value}: the object itself, by identity — classes handing the same
     * object share one server, classes handing different ones (even equal ones) get their own.
     */
    static Object serverKey(Object value, PostgresRequest request, boolean allowNonEmptyDatabase) {
        return new ServerKey(value, request.label(), allowNonEmptyDatabase);
    }

    private static final class ServerKey {
        private final Object handed;
        private final String request;
        private final boolean allowNonEmptyDatabase;

        ServerKey(Object handed, String request, boolean allowNonEmptyDatabase) {
            this.handed = handed;
            this.request = request;
            this.allowNonEmptyDatabase = allowNonEmptyDatabase;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ServerKey other && other.handed == handed && other.request.equals(request)
                    && other.allowNonEmptyDatabase == allowNonEmptyDatabase;
        }

        @Override
        public int hashCode() {
            return Objects.hash(System.identityHashCode(handed), request, allowNonEmptyDatabase);
        }
    }
}
