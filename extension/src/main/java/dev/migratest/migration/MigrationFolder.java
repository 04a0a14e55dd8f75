package dev.migratest.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The files and directories under one migrations root, as relative paths with forward slashes, sorted. Hidden
 * directories (e.g. {@code .git}) are left out; hidden files are listed (layouts report them as skipped).
 */
final class MigrationFolder {

    /** Where each name lies: under one root, or (several locations merged) under the root its prefix names. */
    private final Function<String, Path> paths;
    private final List<String> files;
    private final List<String> dirs;

    private MigrationFolder(Function<String, Path> paths, List<String> files, List<String> dirs) {
        this.paths = paths;
        this.files = files;
        this.dirs = dirs;
    }

    /**
     * Several folders read as one, as Flyway reads all its locations (and every class path entry holding a
     * {@code classpath:} location) as one history. Each folder's names get its prefix ({@code ""} for none); a name
     * that an earlier folder already has is left out, as a class loader finds only the first copy of a resource.
     *
     * @param prefixed each folder with its prefix, in the order given
     */
    static MigrationFolder union(List<Map.Entry<String, MigrationFolder>> prefixed) {
        Map<String, Path> paths = new HashMap<>();
        Set<String> dirs = new TreeSet<>();
        prefixed.forEach(entry -> {
            String prefix = entry.getKey();
            MigrationFolder folder = entry.getValue();
            for (String file : folder.files) {
                paths.putIfAbsent(prefix + file, folder.paths.apply(file));
            }
            if (!prefix.isEmpty()) {
                dirs.add(prefix.substring(0, prefix.length() - 1));
            }
            folder.dirs.forEach(dir -> dirs.add(prefix + dir));
        });
        List<String> files = new ArrayList<>(paths.keySet());
        Collections.sort(files);
        return new MigrationFolder(paths::get, List.copyOf(files), List.copyOf(dirs));
    }

    static MigrationFolder list(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String relative = relative(root, dir);
                if (name(relative).startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                dirs.add(relative);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (!attributes.isDirectory()) {
                    files.add(relative(root, file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(files);
        Collections.sort(dirs);
        return new MigrationFolder(root::resolve, List.copyOf(files), List.copyOf(dirs));
    }

    private static String relative(Path root, Path path) {
        StringBuilder relative = new StringBuilder();
        for (Path name : root.relativize(path)) {
            String part = name.toString();
            if (part.endsWith("/")) {
                part = part.substring(0, part.length() - 1);
            }
            relative.append(relative.length() == 0 ? "" : "/").append(part);
        }
        return relative.toString();
    }

    /** All regular files, at any depth. */
    List<String> files() {
        return files;
    }

    /** All directories, at any depth. */
    List<String> dirs() {
        return dirs;
    }

    boolean isEmpty() {
        return files.isEmpty() && dirs.isEmpty();
    }

    /**
     * Reads a file's text through {@code reader} as it is decoded, never holding it whole; empty (with the one problem
     * recorded) when it is not UTF-8 or unreadable. Layouts still count such a file as present, so that its other half
     * is not reported missing as well.
     */
    <T> Optional<T> read(String file, Collected out, SourceText.TextReader<T> reader) {
        return SourceText.read(file, () -> Files.newInputStream(paths.apply(file)), reader, out);
    }

    /** The whole text of a small side file (a Flyway {@code .conf}, a diesel {@code metadata.toml}). */
    Optional<String> text(String file, Collected out) {
        return read(file, out, (text, found) -> SourceText.readAll(text));
    }

    /**
     * Whether any line of the file, decoded leniently, passes {@code test}; for guessing the layout only. The file is
     * read line by line, as far as needed: guessing must not hold a large file's text.
     */
    boolean anyLine(String file, Predicate<String> test) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(paths.apply(file)),
                StandardCharsets.UTF_8))) {
            return reader.lines().anyMatch(test);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The directory part of a relative path, {@code ""} at the top level. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static boolean topLevel(String path) {
        return path.indexOf('/') < 0;
    }

    /** How many names the relative path has: 1 at the top level. */
    static int depth(String path) {
        return path.split("/").length;
    }

    /**
     * Whether a directory looks meant as a migration (it holds a {@code .sql} file or its name starts with a digit),
     * so that a directory-per-migration layout reports it when it is not right, rather than ignoring it.
     */
    boolean looksLikeMigration(String dir) {
        return !dir.isEmpty() && Character.isDigit(name(dir).charAt(0))
                || files.stream().anyMatch(file -> parent(file).equals(dir) && NotMigration.isSql(file));
    }
}
