package dev.migratest.migration;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A migrations folder built file by file in a temporary directory, and the loader run over it. */
final class Folder {

    private final Path root;

    private Folder(Path root) {
        this.root = root;
    }

    static Folder at(Path root) {
        return new Folder(root);
    }

    Path path() {
        return root;
    }

    /** Writes a UTF-8 file whose lines are {@code lines}, each ended by a newline. */
    Folder file(String relative, String... lines) {
        return bytes(relative, (lines.length == 0 ? "" : String.join("\n", lines) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    Folder bytes(String relative, byte[] content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Folder dir(String relative) {
        try {
            Files.createDirectories(root.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads under the tools' default settings, whatever this JVM's system properties and environment say. */
    LoadedMigrations load(Layout layout) {
        return load(layout, ToolSettings.DEFAULTS);
    }

    LoadedMigrations load(Layout layout, ToolSettings settings) {
        return MigrationLoader.load(root, layout, false, settings);
    }

    LoadedMigrations loadForwardOnly(Layout layout) {
        return MigrationLoader.load(root, layout, true, ToolSettings.DEFAULTS);
    }

    MigrationDefinitionException fails(Layout layout) {
        return fails(layout, false);
    }

    MigrationDefinitionException fails(Layout layout, boolean allowForwardOnly) {
        MigrationDefinitionException thrown = catchThrowableOfType(MigrationDefinitionException.class,
                () -> MigrationLoader.load(root, layout, allowForwardOnly));
        if (thrown == null) {
            throw new AssertionError("expected a MigrationDefinitionException for " + root);
        }
        return thrown;
    }

    /** The message the loader's exception has for these problem lines. */
    String message(String... problems) {
        StringBuilder message = new StringBuilder().append(problems.length)
                .append(problems.length == 1 ? " problem" : " problems")
                .append(" in migrations at ").append(root).append(':');
        for (String problem : problems) {
            message.append("\n  ").append(problem);
        }
        return message.toString();
    }
}
