package dev.migratest.migration;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a location string points: {@code classpath:db/migration} (a directory, or a directory inside a jar),
 * {@code filesystem:some/dir}, or a plain path (file system first, then classpath). Close it when done reading: a
 * jar opened for the purpose is closed with it.
 */
final class MigrationLocation implements AutoCloseable {

    static final String CLASSPATH = "classpath:";
    static final String FILESYSTEM = "filesystem:";

    private final Path root;
    private final FileSystem opened;

    private MigrationLocation(Path root, FileSystem opened) {
        this.root = root;
        this.opened = opened;
    }

    static MigrationLocation resolve(String location) {
        if (location.startsWith(CLASSPATH)) {
            return onClasspath(location, location.substring(CLASSPATH.length()));
        }
        if (location.startsWith(FILESYSTEM)) {
            return onFileSystem(location, Path.of(location.substring(FILESYSTEM.length())), "no such directory");
        }
        Path path = Path.of(location);
        if (Files.exists(path) || resource(location) == null) {
            return onFileSystem(location, path, "no such directory, on the file system or the classpath");
        }
        return onClasspath(location, location);
    }

    /** A directory given as a path, named {@code location} in problems. */
    static MigrationLocation of(String location, Path dir) {
        return onFileSystem(location, dir, "no such directory");
    }

    Path root() {
        return root;
    }

    @Override
    public void close() throws IOException {
        if (opened != null) {
            opened.close();
        }
    }

    private static MigrationLocation onFileSystem(String location, Path path, String missing) {
        if (!Files.exists(path)) {
            throw fail(location, missing, "correct the location (a relative path resolves against the working"
                    + " directory " + Path.of("").toAbsolutePath() + ")");
        }
        return new MigrationLocation(directory(location, path), null);
    }

    private static MigrationLocation onClasspath(String location, String name) {
        URL url = resource(name);
        if (url == null) {
            throw fail(location, "no such directory on the classpath", "correct the location, or put the migrations"
                    + " in src/test/resources/" + normalized(name));
        }
        try {
            if (url.getProtocol().equals("file")) {
                return new MigrationLocation(directory(location, Path.of(url.toURI())), null);
            }
            if (url.getProtocol().equals("jar")) {
                return inJar(location, url.toString());
            }
        } catch (URISyntaxException | IOException e) {
            throw fail(location, "a classpath resource that cannot be opened (" + e.getMessage() + ")",
                    "check the jar that holds it");
        }
        throw fail(location, "a classpath resource at " + url + ", which is neither a directory nor in a jar",
                "copy the migrations to a directory and use a filesystem: location");
    }

    private static MigrationLocation inJar(String location, String url) throws IOException {
        int separator = url.indexOf("!/");
        URI jar = URI.create(url.substring(0, separator));
        String entry = URLDecoder.decode(url.substring(separator + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
        FileSystem opened = null;
        FileSystem fileSystem;
        try {
            fileSystem = opened = FileSystems.newFileSystem(jar, Map.of());
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
            fileSystem = FileSystems.getFileSystem(jar);
        }
        return new MigrationLocation(directory(location, fileSystem.getPath(entry)), opened);
    }

    private static Path directory(String location, Path path) {
        if (!Files.isDirectory(path)) {
            throw fail(location, "a file, not a directory", "point the location at the directory that holds the"
                    + " migrations");
        }
        return path;
    }

    private static URL resource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = MigrationLocation.class.getClassLoader();
        }
        return loader.getResource(normalized(name));
    }

    private static String normalized(String name) {
        return name.replaceAll("^/+|/+$", "");
    }

    private static MigrationDefinitionException fail(String location, String found, String fix) {
        return new MigrationDefinitionException(location,
                List.of(new DefinitionProblem(location, null, found, "a directory of migrations", fix)));
    }
}
