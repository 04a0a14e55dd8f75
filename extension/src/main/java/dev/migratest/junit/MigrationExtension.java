package dev.migratest.junit;

import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.findings.AllowComments;
import dev.migratest.migration.LoadedMigrations;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationDefinitionException;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.ExternalProvider;
import dev.migratest.postgres.HandedProvider;
import dev.migratest.postgres.HandedServer;
import dev.migratest.postgres.PostgresRequest;
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
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The JUnit face of migratest. Holds no state: servers live in the root Store (one per JVM, provider and version,
 * closed when the engine finishes); a class's plan and its rehearsals (one per requested version) in its class Store.
 */
public final class MigrationExtension implements BeforeAllCallback, AfterAllCallback,
        TestTemplateInvocationContextProvider {
    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MigrationExtension.class);
    private static final String PLAN = "plan";
    /** The class's {@code @RehearseOn} field, as an {@code Optional}: a nested class must not see its outer class's. */
    private static final String HANDED = "handed";

    @Override
    public void beforeAll(ExtensionContext context) {
        ConsoleLogging.setUp();
        Class<?> testClass = context.getRequiredTestClass();
        MigrationTest annotation = AnnotationSupport.findAnnotation(testClass, MigrationTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException(testClass.getName()
                        + " uses migratest's extension without @MigrationTest; annotate the class with @MigrationTest"));
        // a launcher reads system properties itself; EngineTestKit does not unless asked, so they are the fallback
        Settings settings;
        try {
            settings = Settings.of(annotation,
                    key -> context.getConfigurationParameter(key).orElseGet(() -> System.getProperty(key)));
        } catch (IllegalArgumentException e) {
            // the message names the setting, what was found and what is allowed: a stack trace would only bury it
            throw new MigrationFailure(e.getMessage());
        }
        context.getStore(NAMESPACE).put(HANDED, HandedField.find(testClass, annotation));
        LoadedMigrations loaded;
        try {
            loaded = MigrationLoader.load(settings.location(), settings.loadOptions());
        } catch (MigrationDefinitionException e) {
            throw new MigrationFailure(e.getMessage());
        }
        checkAllowComments(loaded);
        if (!loaded.skippedFiles().isEmpty()) {
            Console.print("skipped in " + loaded.location() + ": " + String.join(", ", loaded.skippedFiles()));
        }
        // printed whatever the logging set-up: a gap in the rehearsed history must not pass unread
        loaded.warnings().forEach(warning -> Console.print("WARNING " + warning));
        context.getStore(NAMESPACE).put(PLAN, new ClassPlan(testClass.getName(), settings, loaded));
    }

    /** An allow comment naming no rule would silence nothing, quietly: every such comment fails the class at once. */
    private static void checkAllowComments(LoadedMigrations loaded) {
        List<String> problems = new java.util.ArrayList<>();
        for (Migration migration : loaded.migrations()) {
            try {
                AllowComments.of(migration);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new MigrationFailure(String.join("\n", problems));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        ClassPlan plan = context.getStore(NAMESPACE).get(PLAN, ClassPlan.class);
        if (plan == null) return;
        for (PostgresRequest request : plan.settings().postgres()) {
            ClassRehearsal run = context.getStore(NAMESPACE).get(rehearsalKey(request), ClassRehearsal.class);
            if (run != null) RunSummary.publish(run, runReports(context));
        }
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, MigrationCycleTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        ClassPlan plan = context.getStore(NAMESPACE).get(PLAN, ClassPlan.class);
        if (plan == null) {
            throw new ExtensionConfigurationException("@MigrationCycleTest " + context.getRequiredTestMethod().getName()
                    + " needs @MigrationTest on its class " + context.getRequiredTestClass().getName());
        }
        List<Migration> migrations = plan.loaded().migrations();
        return plan.settings().postgres().stream().flatMap(request -> IntStream.range(0, migrations.size())
                .mapToObj(i -> new CycleInvocationContext(plan, request, migrations.get(i), i)));
    }

    @Override
    public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
        return false;
    }

    /** The class's rehearsal on the server for {@code request}, started on first use. */
    static ClassRehearsal rehearsal(ExtensionContext invocation, ClassPlan plan, PostgresRequest request) {
        ExtensionContext classContext = invocation;
        while (classContext.getTestMethod().isPresent()) classContext = classContext.getParent().orElseThrow();
        ExtensionContext root = invocation.getRoot();
        Optional<HandedField> handed = handedField(classContext);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(rehearsalKey(request),
                key -> new ClassRehearsal(plan, request, handed.isPresent()
                        ? handedServer(root, handed.get(), plan.settings(), request)
                        : server(root, plan.settings(), request)), ClassRehearsal.class);
    }

    @SuppressWarnings("unchecked") // put by beforeAll, always an Optional<HandedField>
    private static Optional<HandedField> handedField(ExtensionContext classContext) {
        Optional<HandedField> handed = classContext.getStore(NAMESPACE).get(HANDED, Optional.class);
        return handed == null ? Optional.empty() : handed;
    }

    /** The server the class handed over: never stopped by migratest, shared only by classes handing the same object. */
    private static PostgresServer handedServer(ExtensionContext root, HandedField handed, Settings settings,
                                               PostgresRequest request) {
        Object value = handed.value();
        return root.getStore(NAMESPACE).getOrComputeIfAbsent(
                HandedField.serverKey(value, request, settings.allowNonEmptyDatabase()),
                key -> ProvisionedServer.of(() -> new HandedProvider(HandedServer.read(value, handed.describe()),
                        request, settings.allowNonEmptyDatabase()).start()),
                ProvisionedServer.class).server();
    }

    private static PostgresServer server(ExtensionContext root, Settings settings, PostgresRequest request) {
        return root.getStore(NAMESPACE).getOrComputeIfAbsent("server|" + settings.serverKey(request),
                key -> ProvisionedServer.of(() -> ProviderSelector.start(ProviderSelector.candidates(
                        settings.provider(),
                        new ExternalProvider(settings.postgresUrl(), settings.postgresUser(), settings.postgresPassword(),
                                request, settings.allowNonEmptyDatabase()),
                        request, settings.fast()))),
                ProvisionedServer.class).server();
    }

    /** The run's HTML report and summary, shared by every class of the run. */
    private static RunReports runReports(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunReports.KEY, key -> new RunReports(),
                RunReports.class);
    }

    private static String rehearsalKey(PostgresRequest request) {
        return "rehearsal|" + request.label();
    }
}
