package dev.migratest.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL files next to this class. {@code /*ROOT_OF(classid, objid)*}{@code /} in a file is replaced by
 * {@code root-of.sql} applied to those two expressions, so the mapping from a catalog address to its snapshot root is
 * written once for the snapshot and for the change capture.
 */
final class SqlResources {
    private static final Pattern ROOT_OF = Pattern.compile("/\\*ROOT_OF\\((\\S+), (\\S+)\\)\\*/");

    private SqlResources() {
    }

    static String load(String resource) {
        String sql = read(resource);
        Matcher m = ROOT_OF.matcher(sql);
        StringBuilder expanded = new StringBuilder();
        while (m.find()) {
            String rootOf = "(" + read("root-of.sql").replace("$classid", m.group(1)).replace("$objid", m.group(2)) + ")";
            m.appendReplacement(expanded, Matcher.quoteReplacement(rootOf));
        }
        m.appendTail(expanded);
        return expanded.toString().strip();
    }

    private static String read(String resource) {
        try (InputStream in = SqlResources.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource + " next to " + SqlResources.class);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
