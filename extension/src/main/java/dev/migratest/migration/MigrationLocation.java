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
import java.util.ArrayList;
import java.util.Collections;
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

    /**
     * Every directory a location names: a {@code classpath:} location (or a plain path found only on the class path)
     * names one in each class path entry that holds it, e.g. {@code target/classes} and {@code target/test-classes},
     * first-found first; any other location one directory. Close each when done.
     */
    static List<MigrationLocation> resolveAll(String location) {
        String onClasspath = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length())
                : location.startsWith(FILESYSTEM) || Files.exists(Path.of(location)) ? null : location;
        List<URL> urls = onClasspath == null ? List.of() : resources(onClasspath);
        if (urls.size() < 2) {
            return List.of(resolve(location));
        }
        List<MigrationLocation> all = new ArrayList<>();
        for (URL url : urls) {
            try {
                all.add(at(location, url));
            } catch (MigrationDefinitionException notADirectory) {
                // a file of that name in another entry (a jar's manifest-listed resource) holds no migrations
            }
        }
        return all.isEmpty() ? List.of(resolve(location)) : all;
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
        return at(location, url);
    }

    private static MigrationLocation at(String location, URL url) {
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

    private static List<URL> resources(String name) {
        try {
            List<URL> urls = new ArrayList<>();
            for (URL url : Collections.list(loader().getResources(normalized(name)))) {
                if (!urls.contains(url)) urls.add(url);
            }
            return urls;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static ClassLoader loader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader == null ? MigrationLocation.class.getClassLoader() : loader;
    }

    private static String normalized(String name) {
        return name.replaceAll("^/+|/+$", "");
    }

    private static MigrationDefinitionException fail(String location, String found, String fix) {
        return new MigrationDefinitionException(location,
                List.of(new DefinitionProblem(location, null, found, "a directory of migrations", fix)));
    }
}
