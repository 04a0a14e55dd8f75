package dev.migratest.junit;

import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.migration.LoadedMigrations;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationDefinitionException;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.ExternalProvider;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.postgres.ProviderSelector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The JUnit face of migratest. Holds no state: the server lives in the root Store (one per JVM and configuration,
 * closed when the engine finishes), the class's rehearsal in the class Store.
 */
public final class MigrationExtension implements BeforeAllCallback, AfterAllCallback,
        TestTemplateInvocationContextProvider {
    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MigrationExtension.class);
    private static final String REHEARSAL = "rehearsal";

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        MigrationTest annotation = AnnotationSupport.findAnnotation(testClass, MigrationTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException(testClass.getName()
                        + " uses migratest's extension without @MigrationTest; annotate the class with @MigrationTest"));
        Settings settings = Settings.of(annotation);
        LoadedMigrations loaded;
        try {
            loaded = MigrationLoader.load(settings.location(), settings.layout(), settings.allowForwardOnly());
        } catch (MigrationDefinitionException e) {
            throw new MigrationFailure(e.getMessage());
        }
        if (!loaded.skippedFiles().isEmpty()) {
            Console.print("skipped in " + loaded.location() + ": " + String.join(", ", loaded.skippedFiles()));
        }
        PostgresServer server = server(context, settings);
        context.getStore(NAMESPACE).put(REHEARSAL,
                new ClassRehearsal(settings, loaded, server, testClass.getSimpleName()));
    }

    private static PostgresServer server(ExtensionContext context, Settings settings) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("server|" + settings.serverKey(),
                key -> ProviderSelector.start(ProviderSelector.candidates(settings.provider(),
                        new ExternalProvider(settings.postgresUrl(), settings.postgresUser(), settings.postgresPassword()))),
                PostgresServer.class);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        ClassRehearsal run = context.getStore(NAMESPACE).get(REHEARSAL, ClassRehearsal.class);
        if (run != null) {
            RunSummary.publish(context.getRequiredTestClass().getName(), run);
        }
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, MigrationCycleTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        ClassRehearsal run = context.getStore(NAMESPACE).get(REHEARSAL, ClassRehearsal.class);
        if (run == null) {
            throw new ExtensionConfigurationException("@MigrationCycleTest " + context.getRequiredTestMethod().getName()
                    + " needs @MigrationTest on its class " + context.getRequiredTestClass().getName());
        }
        List<Migration> migrations = run.rehearsal().migrations();
        return IntStream.range(0, migrations.size())
                .mapToObj(i -> new CycleInvocationContext(migrations.get(i), i, run));
    }

    @Override
    public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
        return false;
    }
}
