package dev.migratest;

import dev.migratest.junit.MigrationExtension;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test method run once per migration of its {@link MigrationTest} class, displayed as {@code <version> <name>}.
 * The rehearsal (up → down → up with schema comparison) runs before the method body; when it fails the invocation
 * fails with the phase, file, line and Postgres error or the schema differences, and the body is not run (so do
 * findings at the class's {@code failOn} severity). The method may declare a {@link MigrationCycle} parameter to
 * assert more: an assertion that fails there fails the migration in the reports too, with its message.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(MigrationExtension.class)
// Migration k needs k-1 applied: the invocations run one after another, on their class's thread. Declared here, not on
// @MigrationTest: on a class, SAME_THREAD runs the class itself on its parent's thread, so no two classes could ever
// run at the same time under JUnit's parallel execution.
@Execution(ExecutionMode.SAME_THREAD)
public @interface MigrationCycleTest {
}
