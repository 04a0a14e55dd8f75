package dev.migratest.postgres;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;

import java.lang.reflect.Field;

/**
 * Starts the server of each {@link ClassServer} field and keeps it in the class's store, which closes it (an
 * {@link AutoCloseable}) when the class is done, after its {@code @AfterAll} methods.
 */
final class ClassServerExtension implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClassServer.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        for (Field field : AnnotationSupport.findAnnotatedFields(testClass, ClassServer.class)) {
            if (!ModifierSupport.isStatic(field)) {
                throw new ExtensionConfigurationException("@ClassServer field " + field + " must be static: one"
                        + " server serves the whole class");
            }
            AutoCloseable server = start(field);
            context.getStore(NAMESPACE).put(field.getName(), server);
            field.setAccessible(true);
            field.set(null, server);
        }
    }

    private static AutoCloseable start(Field field) throws Exception {
        if (field.getType() == PostgresServer.class) return new EmbeddedProvider().start();
        if (field.getType() == PasswordPostgres.class) return PasswordPostgres.start();
        throw new ExtensionConfigurationException("@ClassServer field " + field + " has type "
                + field.getType().getSimpleName() + "; expected PostgresServer (embedded) or PasswordPostgres");
    }
}
