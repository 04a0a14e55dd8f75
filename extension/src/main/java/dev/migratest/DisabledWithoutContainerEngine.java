package dev.migratest;

import dev.migratest.junit.ContainerEngineCondition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Skips the class or method, with the reason, when no Docker API answers: for tests that must run through the
 * container provider (e.g. in CI, where an engine is prepared) but should not fail on a laptop without Docker.
 * Where those tests must run, {@value #REQUIRE_ENV}{@code =true} (or {@value #REQUIRE_PROPERTY}{@code =true}) makes
 * them fail with the same reason instead: a CI job whose engine could not be prepared then fails rather than
 * passing with its container tests skipped. Nothing else turns it on (not even {@code CI=true}).
 * Carries the tag {@code container}, so such tests can be selected ({@code -Dgroups=container}) or left out.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("container")
@ExtendWith(ContainerEngineCondition.class)
public @interface DisabledWithoutContainerEngine {

    /** Environment variable: {@code true} turns a test skipped for want of a container engine into a failed one. */
    String REQUIRE_ENV = "MIGRATEST_REQUIRE_CONTAINERS";

    /**
     * JUnit configuration parameter or system property with the meaning of {@value #REQUIRE_ENV}; when set, it wins
     * over the environment variable.
     */
    String REQUIRE_PROPERTY = "migratest.container.required";
}
