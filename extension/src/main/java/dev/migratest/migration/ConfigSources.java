package dev.migratest.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The configuration files a project keeps its Flyway settings in, read as flat {@code key → value} maps: a
 * {@code flyway.conf} in the working directory or at the class path's root, and Spring Boot's
 * {@code application.properties} / {@code application.yml} at the class path's root (the first copy, as Spring reads
 * {@code classpath:application.properties}). YAML is read with SnakeYAML, which every Spring Boot starter puts on the
 * class path; documents bound to a profile are left out, later ones win.
 */
final class ConfigSources {

    private static final String YAML = "org.yaml.snakeyaml.Yaml";

    private ConfigSources() {
    }

    /** {@code flyway.conf} of the working directory, then of the class path (the working directory's wins). */
    static Map<String, String> flywayConf(List<String> notes) {
        Map<String, String> values = new LinkedHashMap<>(properties(resource("flyway.conf"), notes));
        Path local = Path.of("flyway.conf");
        if (Files.isRegularFile(local)) {
            try (InputStream in = Files.newInputStream(local)) {
                values.putAll(properties(in));
            } catch (IOException e) {
                notes.add("flyway.conf of the working directory could not be read (" + e.getMessage() + ")");
            }
        }
        return values;
    }

    /** {@code application.properties}, then {@code application.yml} / {@code .yaml}, of the class path. */
    static Map<String, String> springApplication(List<String> notes) {
        Map<String, String> values = new LinkedHashMap<>(properties(resource("application.properties"), notes));
        for (String name : List.of("application.yml", "application.yaml")) {
            URL yaml = resource(name);
            if (yaml != null) values.putAll(yaml(yaml, name, notes));
        }
        return values;
    }

    private static Map<String, String> properties(URL url, List<String> notes) {
        if (url == null) return Map.of();
        try (InputStream in = url.openStream()) {
            return properties(in);
        } catch (IOException e) {
            notes.add(url + " could not be read (" + e.getMessage() + ")");
            return Map.of();
        }
    }

    private static Map<String, String> properties(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).strip()));
        return values;
    }

    private static Map<String, String> yaml(URL url, String name, List<String> notes) {
        Class<?> yaml;
        try {
            yaml = Class.forName(YAML, true, loader());
        } catch (ClassNotFoundException absent) {
            notes.add(name + " on the class path was not read: SnakeYAML is not on the test class path (Spring Boot"
                    + " brings it); its spring.flyway settings are not used — give placeholders with"
                    + " @MigrationTest(placeholders) instead");
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
            Object parser = yaml.getConstructor().newInstance();
            Iterable<?> documents = (Iterable<?>) yaml.getMethod("loadAll", Reader.class).invoke(parser, reader);
            for (Object document : documents) {
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", document, flat);
                if (!flat.containsKey("spring.config.activate.on-profile") && !flat.containsKey("spring.profiles")) {
                    values.putAll(flat);
                }
            }
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            notes.add(name + " on the class path could not be read (" + cause.getMessage() + "); its spring.flyway"
                    + " settings are not used");
        }
        return values;
    }

    /** Nested maps as dotted keys, lists as comma-separated values (as Spring binds them to a list). */
    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
                    into));
        } else if (node instanceof List<?> list) {
            into.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
        } else if (node != null && !prefix.isEmpty()) {
            into.put(prefix, String.valueOf(node));
        }
    }

    private static URL resource(String name) {
        return loader().getResource(name);
    }

    private static ClassLoader loader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader == null ? ConfigSources.class.getClassLoader() : loader;
    }
}
