package dev.migratest.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where reports go unless {@code migratest.reportDir} says: inside the build tool's own output directory, so that its
 * clean task removes them and its CI artifacts conventions find them — {@code target/migratest} under Maven,
 * {@code build/migratest} under Gradle.
 */
final class DefaultReportDirectory {
    static final String MAVEN = dev.migratest.MigrationTest.DEFAULT_REPORT_DIR;
    static final String GRADLE = "build/migratest";
    /** Gradle sets it in every test worker JVM (its worker's number). */
    private static final String GRADLE_TEST_WORKER = "org.gradle.test.worker";

    private DefaultReportDirectory() {
    }

    static String of(UnaryOperator<String> systemProperties, Path workingDirectory) {
        if (systemProperties.apply(GRADLE_TEST_WORKER) != null) return GRADLE;
        // run from an IDE without Gradle, in a Gradle project: its build files say so
        boolean gradleBuild = Files.isRegularFile(workingDirectory.resolve("build.gradle"))
                || Files.isRegularFile(workingDirectory.resolve("build.gradle.kts"));
        boolean mavenBuild = Files.isRegularFile(workingDirectory.resolve("pom.xml"));
        return gradleBuild && !mavenBuild ? GRADLE : MAVEN;
    }

    /** For this JVM: its system properties and working directory. */
    static String current() {
        return of(System::getProperty, Path.of("").toAbsolutePath());
    }
}
