package dev.migratest.junit;

import dev.migratest.DisabledWithoutContainerEngine;
import dev.migratest.postgres.ContainerProvider;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Optional;

/**
 * Behind {@code @DisabledWithoutContainerEngine}: the probe runs once per JVM, the answer is kept in the root Store.
 * Without an engine the test is disabled with the reason, or, where container tests are required
 * ({@link DisabledWithoutContainerEngine#REQUIRE_ENV}), fails with it: JUnit reports an exception thrown by a
 * condition as the failure of that test or class.
 */
public final class ContainerEngineCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConsoleLogging.setUp(); // the probe below is the first to touch Testcontainers, and so SLF4J
        Answer answer = context.getRoot().getStore(MigrationExtension.NAMESPACE)
                .getOrComputeIfAbsent("container-engine", key -> new Answer(ContainerProvider.engineUnavailableReason()),
                        Answer.class);
        ConditionEvaluationResult result = decide(answer.reason, requiredBy(context));
        // Build tools print a skipped test without its reason: say it once, where the annotation sits.
        if (result.isDisabled() && context.getElement().map(e -> e.isAnnotationPresent(
                DisabledWithoutContainerEngine.class)).orElse(false)) {
            Console.print("skipped " + context.getDisplayName() + ": " + result.getReason().orElse(""));
        }
        return result;
    }

    /**
     * Enabled when an engine answers; otherwise disabled with the reason, or, when a switch requires container tests
     * ({@code requiredBy} names it), an {@link AssertionError} with the reason and that switch.
     */
    static ConditionEvaluationResult decide(Optional<String> unavailable, Optional<String> requiredBy) {
        if (unavailable.isEmpty()) return ConditionEvaluationResult.enabled("a container engine answers");
        String reason = "no container engine: " + unavailable.get()
                + ". Start Docker (or source .ci/container-engine.sh) to run it";
        if (requiredBy.isPresent()) {
            throw new AssertionError(reason + " [" + requiredBy.get() + ": container tests must run here]");
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    /**
     * The switch that requires container tests, as {@code name=value}: the configuration parameter (or system
     * property) when set, else the environment variable; empty when neither says {@code true}.
     */
    static Optional<String> requiredBy(ExtensionContext context) {
        Optional<String> parameter = context.getConfigurationParameter(DisabledWithoutContainerEngine.REQUIRE_PROPERTY);
        String name = parameter.isPresent() ? DisabledWithoutContainerEngine.REQUIRE_PROPERTY
                : DisabledWithoutContainerEngine.REQUIRE_ENV;
        String value = parameter.orElseGet(() -> System.getenv(DisabledWithoutContainerEngine.REQUIRE_ENV));
        return Boolean.parseBoolean(value) ? Optional.of(name + "=" + value) : Optional.empty();
    }

    private static final class Answer {
        final Optional<String> reason;

        Answer(Optional<String> reason) {
            this.reason = reason;
        }
    }
}
