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
 * Carries the tag {@code container}, so such tests can be selected ({@code -Dgroups=container}) or left out.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("container")
@ExtendWith(ContainerEngineCondition.class)
public @interface DisabledWithoutContainerEngine {
}
