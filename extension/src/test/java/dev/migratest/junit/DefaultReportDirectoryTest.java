package dev.migratest.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports go where the build tool keeps its output: target/ under Maven, build/ under Gradle. */
class DefaultReportDirectoryTest {
    @TempDir
    Path project;

    @Test
    void aGradleTestWorkerWritesUnderBuild() {
        assertThat(DefaultReportDirectory.of(Map.of("org.gradle.test.worker", "3")::get, project))
                .isEqualTo("build/migratest");
    }

    @Test
    void aMavenProjectAndAnUnknownOneWriteUnderTarget() throws IOException {
        assertThat(DefaultReportDirectory.of(Map.<String, String>of()::get, project)).isEqualTo("target/migratest");

        Files.writeString(project.resolve("pom.xml"), "<project/>");
        assertThat(DefaultReportDirectory.of(Map.<String, String>of()::get, project)).isEqualTo("target/migratest");
    }

    @Test
    void aGradleBuildWithoutAPomWritesUnderBuildEvenOutsideGradle() throws IOException {
        Files.writeString(project.resolve("build.gradle.kts"), "plugins { java }");
        assertThat(DefaultReportDirectory.of(Map.<String, String>of()::get, project)).isEqualTo("build/migratest");

        Files.delete(project.resolve("build.gradle.kts"));
        Files.writeString(project.resolve("build.gradle"), "apply plugin: 'java'");
        assertThat(DefaultReportDirectory.of(Map.<String, String>of()::get, project)).isEqualTo("build/migratest");
    }

    @Test
    void aProjectWithBothBuildsIsTakenForMaven() throws IOException {
        Files.writeString(project.resolve("build.gradle"), "apply plugin: 'java'");
        Files.writeString(project.resolve("pom.xml"), "<project/>");

        assertThat(DefaultReportDirectory.of(Map.<String, String>of()::get, project)).isEqualTo("target/migratest");
    }
}
