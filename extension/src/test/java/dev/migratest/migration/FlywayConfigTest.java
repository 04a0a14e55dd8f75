package dev.migratest.migration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Placeholder values and locations from the files a project keeps its Flyway settings in. */
class FlywayConfigTest {

    @TempDir
    Path classpath;

    /** Runs {@code action} with {@code classpath} as the context class loader, as a project's test class path. */
    private <T> T onClasspath(Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(loader);
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String replaced(FlywayConfig config, String text) throws IOException {
        return SourceText.readAll(config.reader(new StringReader(text), "db/V1__x.sql"));
    }

    @Test
    void springBootPropertiesGivePlaceholdersSchemaAndTableAndTheAnnotationWins() throws Exception {
        Folder.at(classpath).file("application.properties",
                "spring.flyway.placeholders.schema=from_properties",
                "spring.flyway.placeholders.owner=app_owner",
                "spring.flyway.default-schema=billing",
                "spring.flyway.table=schema_history",
                "spring.flyway.locations=classpath:db/migration,classpath:db/{vendor}");

        FlywayConfig config = onClasspath(() -> FlywayConfig.read(Map.of("schema", "given")));

        assertThat(replaced(config, "${schema} ${OWNER} ${flyway:defaultSchema} ${flyway:table} ${flyway:filename}"))
                .isEqualTo("given app_owner billing schema_history V1__x.sql");
        assertThat(onClasspath(FlywayConfig::configuredLocations))
                .contains("classpath:db/migration,classpath:db/{vendor}");
    }

    @Test
    void applicationYmlIsReadWithSnakeYamlLeavingProfileDocumentsOut() throws Exception {
        Folder.at(classpath).file("application.yml",
                "spring:",
                "  flyway:",
                "    locations:",
                "      - classpath:db/migration",
                "      - classpath:db/extra",
                "    placeholders:",
                "      schema: app",
                "    placeholder-prefix: '#['",
                "    placeholderSuffix: ']'",
                "---",
                "spring:",
                "  config:",
                "    activate:",
                "      on-profile: prod",
                "  flyway:",
                "    placeholders:",
                "      schema: prod_schema");

        FlywayConfig config = onClasspath(() -> FlywayConfig.read(Map.of()));

        assertThat(replaced(config, "CREATE SCHEMA #[schema]; -- ${schema}")).isEqualTo("CREATE SCHEMA app; -- ${schema}");
        assertThat(config.notes()).isEmpty();
        assertThat(onClasspath(FlywayConfig::configuredLocations)).contains("classpath:db/migration,classpath:db/extra");
    }

    @Test
    void flywayConfOnTheClassPathAndReplacementSwitchedOff() throws Exception {
        Folder.at(classpath).file("flyway.conf",
                "flyway.placeholders.schema=conf_schema",
                "flyway.schemas=first,second",
                "flyway.locations=filesystem:sql");

        FlywayConfig config = onClasspath(() -> FlywayConfig.read(Map.of()));
        assertThat(replaced(config, "${schema}.${flyway:defaultSchema}")).isEqualTo("conf_schema.first");
        assertThat(onClasspath(FlywayConfig::configuredLocations)).contains("filesystem:sql");

        FlywayConfig off = FlywayConfig.of(Map.of("flyway.placeholderreplacement", "false",
                "placeholder:schema", "x"), List.of());
        assertThat(replaced(off, "${schema}")).isEqualTo("${schema}");
    }

    @Test
    void withoutAnyConfigurationOnlyTheBuiltInsHaveValues() throws Exception {
        FlywayConfig config = onClasspath(() -> FlywayConfig.read(Map.of()));

        assertThat(replaced(config, "${flyway:defaultSchema} ${flyway:table} ${x}"))
                .isEqualTo("public flyway_schema_history ${x}");
        assertThat(onClasspath(FlywayConfig::configuredLocations)).isEmpty();
    }
}
