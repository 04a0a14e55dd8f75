package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolSettingsTest {

    @TempDir
    Path dir;

    @Test
    void nothingSetIsEveryToolsDefault() {
        assertThat(ToolSettings.of(Map.of(), Map.of(), dir)).isEqualTo(ToolSettings.DEFAULTS);
    }

    @Test
    void flywaySettingsComeFromTheWorkingDirectorysFilesAsFlywayReadsThem() throws IOException {
        Files.writeString(dir.resolve("flyway.conf"), "flyway.url=jdbc:postgresql://db/app\nflyway.mixed=true\n");
        Files.writeString(dir.resolve("flyway.toml"), "[environments.default]\nexecuteInTransaction = true\n"
                + "[flyway]\nexecuteInTransaction = false # every script on its own\n");

        ToolSettings settings = ToolSettings.of(Map.of(), Map.of(), dir);

        assertThat(settings.flywayMixed()).isEqualTo(new ToolSettings.Setting(true, "flyway.mixed=true (flyway.conf"
                + " line 2)"));
        assertThat(settings.flywayExecuteInTransaction()).as("only the [flyway] table counts")
                .isEqualTo(new ToolSettings.Setting(false, "executeInTransaction = false # every script on its own"
                        + " (flyway.toml line 4)"));
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironmentWhichWinsOverFiles() throws IOException {
        Files.writeString(dir.resolve("flyway.conf"), "flyway.mixed=true\n");

        assertThat(ToolSettings.of(Map.of("flyway.mixed", "false"), Map.of("FLYWAY_MIXED", "true"), dir)
                .flywayMixed()).isEqualTo(new ToolSettings.Setting(false, "flyway.mixed=false (system property)"));
        assertThat(ToolSettings.of(Map.of(), Map.of("FLYWAY_MIXED", "false"), dir).flywayMixed())
                .isEqualTo(new ToolSettings.Setting(false, "FLYWAY_MIXED=false (environment)"));
        assertThat(ToolSettings.of(Map.of("flyway.mixed", "maybe"), Map.of(), dir).flywayMixed().source())
                .as("a value that is no boolean is not Flyway's either").isEqualTo("flyway.mixed=true (flyway.conf line 1)");
    }
}
