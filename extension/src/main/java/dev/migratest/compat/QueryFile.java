package dev.migratest.compat;

import dev.migratest.migration.DefinitionProblem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the bytes of a file of SQL queries (the previous version's queries, a class's invariants) named like a
 * migrations location: {@code classpath:db/app-v1.sql}, {@code filesystem:src/test/resources/db/app-v1.sql}, or a
 * plain path (file system first, then classpath).
 */
public final class QueryFile {
    static final String CLASSPATH = "classpath:";
    static final String FILESYSTEM = "filesystem:";
    private static final String OLD_QUERIES = "a readable .sql file of the queries the previous application version runs";

    /** The file's bytes, or the one problem that kept them from being read. */
    public record Read(String name, byte[] bytes, DefinitionProblem problem) {
    }

    private QueryFile() {
    }

    static Read read(String location) {
        return read(location, OLD_QUERIES);
    }

    /** @param expected what the file should be, for the problem's "expected" part */
    public static Read read(String location, String expected) {
        if (location.startsWith(CLASSPATH)) {
            return fromClasspath(location, location.substring(CLASSPATH.length()), expected);
        }
        if (location.startsWith(FILESYSTEM)) {
            return fromFileSystem(location, Path.of(location.substring(FILESYSTEM.length())), expected);
        }
        Path path = Path.of(location);
        if (Files.exists(path) || resource(location) == null) {
            return fromFileSystem(location, path, expected);
        }
        return fromClasspath(location, location, expected);
    }

    private static Read fromFileSystem(String location, Path path, String expected) {
        String name = nameOf(location);
        if (!Files.isRegularFile(path)) {
            String found = Files.isDirectory(path) ? "a directory" : "no such file";
            return problem(name, expected, found, "correct the location (a relative path resolves against the working directory "
                    + Path.of("").toAbsolutePath() + "; classpath:… reads a resource)");
        }
        try {
            return new Read(name, Files.readAllBytes(path), null);
        } catch (IOException e) {
            return problem(name, expected, "a file that cannot be read (" + e.getMessage() + ")", "check its permissions");
        }
    }

    private static Read fromClasspath(String location, String resourceName, String expected) {
        String name = nameOf(location);
        URL url = resource(resourceName);
        if (url == null) {
            return problem(name, expected, "no such resource on the classpath", "correct the location, or put the file in"
                    + " src/test/resources/" + normalized(resourceName));
        }
        if (url.getProtocol().equals("file") && url.getPath().endsWith("/")) {
            return problem(name, expected, "a directory on the classpath", "point the location at the .sql file itself");
        }
        try (InputStream in = url.openStream()) {
            return new Read(name, in.readAllBytes(), null);
        } catch (IOException e) {
            // A directory on the classpath opens as a listing or fails; either way it is not a query file.
            return problem(name, expected, "a resource that cannot be read as a file (" + e.getMessage() + ")",
                    "point the location at the .sql file itself");
        }
    }

    private static Read problem(String name, String expected, String found, String fix) {
        return new Read(name, null, new DefinitionProblem(name, null, found, expected, fix));
    }

    /** The last path segment: short enough for every message, e.g. {@code app-v1.sql:12}. */
    private static String nameOf(String location) {
        String path = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length())
                : location.startsWith(FILESYSTEM) ? location.substring(FILESYSTEM.length()) : location;
        String trimmed = path.replaceAll("[/\\\\]+$", "");
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return trimmed.substring(slash + 1).isEmpty() ? location : trimmed.substring(slash + 1);
    }

    private static URL resource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = QueryFile.class.getClassLoader();
        }
        return loader.getResource(normalized(name));
    }

    private static String normalized(String name) {
        return name.replaceAll("^/+|/+$", "");
    }
}
