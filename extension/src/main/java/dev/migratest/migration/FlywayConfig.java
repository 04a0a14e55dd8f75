package dev.migratest.migration;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Flyway settings that change what a script says: placeholder values, prefix and suffix, whether placeholders are
 * replaced at all, and the values of Flyway's built-in placeholders that migratest can know while loading. Read, the
 * later winning, from {@code spring.flyway.*} of Spring Boot's application files, {@code flyway.*} of a
 * {@code flyway.conf}, {@code FLYWAY_PLACEHOLDERS_<NAME>} environment variables, and the values given to migratest.
 * Modelled on Flyway 11.7's {@code PlaceholderReplacingReader} and {@code ParsingContext}.
 */
final class FlywayConfig {

    /** Flyway's built-ins migratest cannot fill while loading: they come from Flyway's connection or environment. */
    static final List<String> FROM_CONNECTION = List.of("flyway:user", "flyway:database", "flyway:environment");

    private final Map<String, String> placeholders;
    private final String prefix;
    private final String suffix;
    private final boolean replace;
    private final List<String> notes;

    private FlywayConfig(Map<String, String> placeholders, String prefix, String suffix, boolean replace,
                         List<String> notes) {
        this.placeholders = placeholders;
        this.prefix = prefix;
        this.suffix = suffix;
        this.replace = replace;
        this.notes = notes;
    }

    /** The project's settings, with {@code given} (from the annotation or its property) winning. */
    static FlywayConfig read(Map<String, String> given) {
        List<String> notes = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        ConfigSources.springApplication(notes).forEach((key, value) -> {
            String canonical = canonical(key);
            if (canonical.startsWith("spring.flyway.")) settings.put(canonical.substring("spring.".length()), value);
            if (key.startsWith("spring.flyway.placeholders.")) {
                settings.put("placeholder:" + key.substring("spring.flyway.placeholders.".length())
                        .replaceAll("^\\[|]$", ""), value);
            }
        });
        ConfigSources.flywayConf(notes).forEach((key, value) -> {
            settings.put(canonical(key), value);
            if (key.startsWith("flyway.placeholders.")) {
                settings.put("placeholder:" + key.substring("flyway.placeholders.".length()), value);
            }
        });
        System.getenv().forEach((key, value) -> {
            if (key.startsWith("FLYWAY_PLACEHOLDERS_")) {
                settings.put("placeholder:" + key.substring("FLYWAY_PLACEHOLDERS_".length()), value);
            }
        });
        given.forEach((name, value) -> settings.put("placeholder:" + name, value));
        return of(settings, notes);
    }

    /** From settings already flattened: {@code flyway.<setting>} keys (canonical) and {@code placeholder:<name>}. */
    static FlywayConfig of(Map<String, String> settings, List<String> notes) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        String schemas = settings.getOrDefault("flyway.schemas", "");
        String defaultSchema = settings.getOrDefault("flyway.defaultschema",
                schemas.isBlank() ? "public" : schemas.split(",")[0].strip());
        placeholders.put("flyway:defaultSchema", defaultSchema);
        placeholders.put("flyway:table", settings.getOrDefault("flyway.table", "flyway_schema_history"));
        placeholders.put("flyway:timestamp", new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date()));
        placeholders.put("flyway:workingDirectory", System.getProperty("user.dir"));
        settings.forEach((key, value) -> {
            if (key.startsWith("placeholder:")) placeholders.put(key.substring("placeholder:".length()), value);
        });
        return new FlywayConfig(placeholders, settings.getOrDefault("flyway.placeholderprefix", "${"),
                settings.getOrDefault("flyway.placeholdersuffix", "}"),
                !"false".equalsIgnoreCase(settings.getOrDefault("flyway.placeholderreplacement", "true")), notes);
    }

    /**
     * The locations the project gives Flyway ({@code spring.flyway.locations}, else {@code flyway.locations}),
     * comma-separated, when it gives any: the default location of a class that names none.
     */
    static Optional<String> configuredLocations() {
        List<String> ignored = new ArrayList<>();
        String conf = ConfigSources.flywayConf(ignored).get("flyway.locations");
        for (Map.Entry<String, String> entry : ConfigSources.springApplication(ignored).entrySet()) {
            if (canonical(entry.getKey()).equals("spring.flyway.locations") && !entry.getValue().isBlank()) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.ofNullable(conf).filter(value -> !value.isBlank());
    }

    /** Setting names as Spring's relaxed binding reads them: {@code placeholder-prefix} is {@code placeholderPrefix}. */
    private static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** A reader replacing the placeholders of {@code file} (whose name is {@code ${flyway:filename}}), if enabled. */
    PlaceholderReader reader(java.io.Reader text, String file) {
        Map<String, String> values = new LinkedHashMap<>(replace ? placeholders : Map.of());
        if (replace) values.putIfAbsent("flyway:filename", MigrationFolder.name(file));
        return new PlaceholderReader(text, prefix, suffix, values);
    }

    /** What could not be read, for the console. */
    List<String> notes() {
        return notes;
    }

    /** Where a placeholder's value is given, for messages: {@code @MigrationTest(placeholders = "schema=…")}, …. */
    static String whereToGive(String placeholder) {
        String name = placeholder.replaceAll("^\\$\\{|}$", "");
        String builtIn = FROM_CONNECTION.contains(name)
                ? "Flyway fills it from its connection, which migratest does not have while loading; " : "";
        return builtIn + "give its value with @MigrationTest(placeholders = \"" + name + "=…\"), -D"
                + "migratest.placeholders=" + name + "=…, flyway.placeholders." + name + "=… in flyway.conf or"
                + " spring.flyway.placeholders." + name + "=… in application.properties";
    }
}
