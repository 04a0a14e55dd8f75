package dev.migratest.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of the migration tools that change how a whole folder runs, read where the tool itself reads them:
 * Flyway's {@code mixed} and {@code executeInTransaction} (system properties {@code flyway.mixed} and
 * {@code flyway.executeInTransaction}, environment variables {@code FLYWAY_MIXED} and
 * {@code FLYWAY_EXECUTE_IN_TRANSACTION}, and {@code flyway.toml} / {@code flyway.conf} in the working directory, in
 * that order of precedence), and golang-migrate's {@code x-multi-statement}, a database-URL option that migratest
 * cannot see, given as the system property {@value #GOLANG_MULTI_STATEMENT_PROPERTY}.
 *
 * @param flywayMixed                {@code null} when not set (Flyway's default: false)
 * @param flywayExecuteInTransaction {@code null} when not set (Flyway's default: true)
 * @param golangMultiStatement       {@code null} when not set (golang-migrate's default: false)
 */
record ToolSettings(Setting flywayMixed, Setting flywayExecuteInTransaction, Setting golangMultiStatement) {

    /** {@code true}: golang-migrate runs with {@code x-multi-statement=true} (each statement sent on its own). */
    static final String GOLANG_MULTI_STATEMENT_PROPERTY = "migratest.golangMigrate.multiStatement";

    /** Every tool at its defaults. */
    static final ToolSettings DEFAULTS = new ToolSettings(null, null, null);

    private static final Pattern TOML_TABLE = Pattern.compile("^\\[\\s*([^\\]]*?)\\s*]\\s*(#.*)?$");
    private static final Pattern TOML_BOOLEAN = Pattern.compile("^([A-Za-z]+)\\s*=\\s*(true|false)\\s*(#.*)?$");
    private static final Pattern PROPERTY = Pattern.compile("^(flyway\\.[A-Za-z]+)\\s*[=:]\\s*(\\S+)\\s*$");

    /**
     * One setting and where it was read.
     *
     * @param value  the setting's value
     * @param source e.g. {@code "flyway.mixed=true (system property)"} or {@code "mixed = true (flyway.toml line 2)"}
     */
    record Setting(boolean value, String source) {
    }

    /** As the tools would read them in this JVM: its system properties, its environment, its working directory. */
    static ToolSettings fromEnvironment() {
        return read(System::getProperty, System::getenv, Path.of("").toAbsolutePath());
    }

    static ToolSettings read(Function<String, String> properties, Function<String, String> environment,
                             Path workingDirectory) {
        Path conf = workingDirectory.resolve("flyway.conf");
        Path toml = workingDirectory.resolve("flyway.toml");
        return new ToolSettings(
                flyway("mixed", "FLYWAY_MIXED", properties, environment, toml, conf),
                flyway("executeInTransaction", "FLYWAY_EXECUTE_IN_TRANSACTION", properties, environment, toml, conf),
                property(GOLANG_MULTI_STATEMENT_PROPERTY, properties));
    }

    private static Setting flyway(String key, String variable, Function<String, String> properties,
                                  Function<String, String> environment, Path toml, Path conf) {
        Setting setting = property("flyway." + key, properties);
        if (setting == null) setting = variable(variable, environment);
        if (setting == null) setting = tomlSetting(toml, key);
        if (setting == null) setting = confSetting(conf, "flyway." + key);
        return setting;
    }

    private static Setting property(String name, Function<String, String> properties) {
        String value = properties.apply(name);
        return bool(value) == null ? null : new Setting(bool(value), name + "=" + value.strip() + " (system property)");
    }

    private static Setting variable(String name, Function<String, String> environment) {
        String value = environment.apply(name);
        return bool(value) == null ? null : new Setting(bool(value), name + "=" + value.strip() + " (environment)");
    }

    /** {@code key = true|false} in the {@code [flyway]} table of Flyway's TOML configuration. */
    private static Setting tomlSetting(Path file, String key) {
        List<String> lines = lines(file);
        boolean inFlyway = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher table = TOML_TABLE.matcher(line);
            if (table.matches()) {
                inFlyway = table.group(1).equals("flyway");
                continue;
            }
            Matcher setting = TOML_BOOLEAN.matcher(line);
            if (inFlyway && setting.matches() && setting.group(1).equals(key)) {
                return new Setting(Boolean.parseBoolean(setting.group(2)), line + " (" + file.getFileName() + " line "
                        + (i + 1) + ")");
            }
        }
        return null;
    }

    /** {@code flyway.key=true|false} in Flyway's properties configuration. */
    private static Setting confSetting(Path file, String key) {
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher setting = PROPERTY.matcher(line);
            if (setting.matches() && setting.group(1).equals(key) && bool(setting.group(2)) != null) {
                return new Setting(bool(setting.group(2)), line + " (" + file.getFileName() + " line " + (i + 1) + ")");
            }
        }
        return null;
    }

    private static Boolean bool(String value) {
        if (value == null) return null;
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) return List.of();
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** For tests: settings from maps rather than this JVM's. */
    static ToolSettings of(Map<String, String> properties, Map<String, String> environment, Path workingDirectory) {
        return read(properties::get, environment::get, workingDirectory);
    }
}
