package dev.migratest.junit;

import dev.migratest.postgres.ContainerProvider;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Optional;

/** Behind {@code @DisabledWithoutContainerEngine}: the probe runs once per JVM, the answer is kept in the root Store. */
public final class ContainerEngineCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConsoleLogging.setUp(); // the probe below is the first to touch Testcontainers, and so SLF4J
        Answer answer = context.getRoot().getStore(MigrationExtension.NAMESPACE)
                .getOrComputeIfAbsent("container-engine", key -> new Answer(ContainerProvider.engineUnavailableReason()),
                        Answer.class);
        return answer.reason.map(reason -> ConditionEvaluationResult.disabled(
                        "no container engine: " + reason + ". Start Docker (or source .ci/container-engine.sh) to run it"))
                .orElseGet(() -> ConditionEvaluationResult.enabled("a container engine answers"));
    }

    private static final class Answer {
        final Optional<String> reason;

        Answer(Optional<String> reason) {
            this.reason = reason;
        }
    }
}
