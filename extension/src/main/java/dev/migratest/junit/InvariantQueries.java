package dev.migratest.junit;

import dev.migratest.migration.DefinitionProblem;
import dev.migratest.migration.SplitResult;
import dev.migratest.migration.StatementSplitter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The invariant queries of a test class: those written on the annotation, then those of its invariants file (one
 * query per statement, split like a migration). A file that cannot be read or split fails the class, saying why.
 */
final class InvariantQueries {

    private InvariantQueries() {
    }

    static List<String> of(List<String> annotated, String file) {
        List<String> queries = new ArrayList<>(annotated.stream().filter(q -> !q.isBlank()).toList());
        if (file == null || file.isBlank()) return List.copyOf(queries);
        String text = read(file);
        SplitResult split = StatementSplitter.split(file, text, 1);
        if (!split.problems().isEmpty()) {
            throw new MigrationFailure(DefinitionProblem.summary("the invariants file", file, split.problems()));
        }
        split.statements().forEach(s -> queries.add(s.sql()));
        return List.copyOf(queries);
    }

    private static String read(String file) {
        try {
            byte[] bytes;
            if (file.startsWith("classpath:")) {
                String resource = file.substring("classpath:".length()).replaceFirst("^/", "");
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new MigrationFailure("the invariants file " + file + " is not on the test classpath;"
                                + " expected e.g. classpath:db/invariants.sql under src/test/resources");
                    }
                    bytes = in.readAllBytes();
                }
            } else {
                bytes = Files.readAllBytes(Path.of(file.startsWith("filesystem:") ? file.substring(11) : file));
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MigrationFailure("the invariants file " + file + " is not UTF-8; save it as UTF-8");
        } catch (IOException e) {
            throw new MigrationFailure("the invariants file " + file + " cannot be read: " + e.getMessage()
                    + "; give a classpath: location or a path that exists");
        }
    }
}
