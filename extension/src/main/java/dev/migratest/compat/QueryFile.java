package dev.migratest.compat;

import dev.migratest.migration.DefinitionProblem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the bytes of an old-queries file named like a migrations location: {@code classpath:db/app-v1.sql},
 * {@code filesystem:src/test/resources/db/app-v1.sql}, or a plain path (file system first, then classpath).
 */
final class QueryFile {
    static final String CLASSPATH = "classpath:";
    static final String FILESYSTEM = "filesystem:";
    private static final String EXPECTED = "a readable .sql file of the queries the previous application version runs";

    /** The file's bytes, or the one problem that kept them from being read. */
    record Read(String name, byte[] bytes, DefinitionProblem problem) {
    }

    private QueryFile() {
    }

    static Read read(String location) {
        if (location.startsWith(CLASSPATH)) {
            return fromClasspath(location, location.substring(CLASSPATH.length()));
        }
        if (location.startsWith(FILESYSTEM)) {
            return fromFileSystem(location, Path.of(location.substring(FILESYSTEM.length())));
        }
        Path path = Path.of(location);
        if (Files.exists(path) || resource(location) == null) {
            return fromFileSystem(location, path);
        }
        return fromClasspath(location, location);
    }

    private static Read fromFileSystem(String location, Path path) {
        String name = nameOf(location);
        if (!Files.isRegularFile(path)) {
            String found = Files.isDirectory(path) ? "a directory" : "no such file";
            return problem(name, found, "correct the location (a relative path resolves against the working directory "
                    + Path.of("").toAbsolutePath() + "; classpath:… reads a resource)");
        }
        try {
            return new Read(name, Files.readAllBytes(path), null);
        } catch (IOException e) {
            return problem(name, "a file that cannot be read (" + e.getMessage() + ")", "check its permissions");
        }
    }

    private static Read fromClasspath(String location, String resourceName) {
        String name = nameOf(location);
        URL url = resource(resourceName);
        if (url == null) {
            return problem(name, "no such resource on the classpath", "correct the location, or put the file in"
                    + " src/test/resources/" + normalized(resourceName));
        }
        if (url.getProtocol().equals("file") && url.getPath().endsWith("/")) {
            return problem(name, "a directory on the classpath", "point the location at the .sql file itself");
        }
        try (InputStream in = url.openStream()) {
            return new Read(name, in.readAllBytes(), null);
        } catch (IOException e) {
            // A directory on the classpath opens as a listing or fails; either way it is not a query file.
            return problem(name, "a resource that cannot be read as a file (" + e.getMessage() + ")",
                    "point the location at the .sql file itself");
        }
    }

    private static Read problem(String name, String found, String fix) {
        return new Read(name, null, new DefinitionProblem(name, null, found, EXPECTED, fix));
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
