package dev.migratest.junit;

import dev.migratest.DisabledWithoutContainerEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * {@code @DisabledWithoutContainerEngine}'s three answers: run where an engine answers; skip with the reason where
 * none does; fail with the reason and the switch where none does but container tests are required.
 */
class ContainerEngineConditionTest {
    private static final String NO_ENGINE = "no Docker API answered (unix:///nowhere/docker.sock: no socket)";

    @Test
    void anAnsweringEngineEnablesTheTestWhetherRequiredOrNot() {
        ConditionEvaluationResult free = ContainerEngineCondition.decide(Optional.empty(), Optional.empty());
        ConditionEvaluationResult required = ContainerEngineCondition.decide(Optional.empty(),
                Optional.of("MIGRATEST_REQUIRE_CONTAINERS=true"));

        assertThat(free.isDisabled()).isFalse();
        assertThat(free.getReason()).contains("a container engine answers");
        assertThat(required.isDisabled()).isFalse();
    }

    @Test
    void withoutAnEngineTheTestIsDisabledWithTheReasonAndTheFix() {
        ConditionEvaluationResult result = ContainerEngineCondition.decide(Optional.of(NO_ENGINE), Optional.empty());

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).contains("no container engine: " + NO_ENGINE
                + ". Start Docker (or source .ci/container-engine.sh) to run it");
    }

    @Test
    void withoutAnEngineButRequiredTheTestFailsNamingTheReasonAndTheSwitch() {
        assertThatThrownBy(() -> ContainerEngineCondition.decide(Optional.of(NO_ENGINE),
                Optional.of("MIGRATEST_REQUIRE_CONTAINERS=true")))
                .isInstanceOf(AssertionError.class)
                .hasMessage("no container engine: " + NO_ENGINE + ". Start Docker (or source .ci/container-engine.sh) to"
                        + " run it [MIGRATEST_REQUIRE_CONTAINERS=true: container tests must run here]");
    }

    /** Through JUnit itself, with the probe sent to a socket that does not exist: skipped, then failed when required. */
    @Test
    void aJUnitRunSkipsTheClassWithoutTheSwitchAndFailsItWithTheSwitch(@TempDir Path dir) {
        String socket = dir.resolve("docker.sock").toString();
        String previous = System.getProperty("migratest.container.dockerHost");
        System.setProperty("migratest.container.dockerHost", "unix://" + socket);
        try {
            Events skipped = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NeedsContainers.class))
                    .configurationParameter(DisabledWithoutContainerEngine.REQUIRE_PROPERTY, "false")
                    .execute().containerEvents();
            Events failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NeedsContainers.class))
                    .configurationParameter(DisabledWithoutContainerEngine.REQUIRE_PROPERTY, "true")
                    .execute().containerEvents();

            skipped.assertThatEvents().haveExactly(1, event(container(NeedsContainers.class),
                    skippedWithReason(r -> r.startsWith("no container engine: no Docker API answered (unix://" + socket)
                            && r.endsWith("Start Docker (or source .ci/container-engine.sh) to run it"))));
            failed.assertThatEvents().haveExactly(1, event(container(NeedsContainers.class),
                    finishedWithFailure(instanceOf(AssertionError.class),
                            message(m -> m.startsWith("no container engine: no Docker API answered (unix://" + socket)
                                    && m.endsWith("[migratest.container.required=true: container tests must run here]")))));
            assertThat(NeedsContainers.ran).as("the test body never runs without an engine").isFalse();
        } finally {
            if (previous == null) System.clearProperty("migratest.container.dockerHost");
            else System.setProperty("migratest.container.dockerHost", previous);
        }
    }

    /** Run only through EngineTestKit above. */
    @DisabledWithoutContainerEngine
    static class NeedsContainers {
        static volatile boolean ran;

        @Test
        void usesAContainer() {
            ran = true;
        }
    }
}
