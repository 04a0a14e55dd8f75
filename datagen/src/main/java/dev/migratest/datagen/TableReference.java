package dev.migratest.datagen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A table as a person writes it in a {@link Volume}: {@code customers}, {@code billing.invoices},
 * {@code "AuditEvents"}. Read by PostgreSQL's rules for identifiers, so that a name means in a volume what it means
 * in the person's SQL: an unquoted part is folded to lower case, a double-quoted part is taken exactly ({@code ""}
 * inside it is one quote). A name without a schema is looked up through the search_path, as PostgreSQL looks it up:
 * the first schema of the path that has a table of that name.
 *
 * @param written as written, for messages
 * @param schema  the schema, empty when the name has none
 * @param name    the table's name
 */
public record TableReference(String written, Optional<String> schema, String name) {

    /**
     * Reads {@code table}, {@code schema.table}, either part double-quoted. Throws {@link IllegalArgumentException}
     * naming what is wrong and the forms allowed.
     */
    public static TableReference parse(String written) {
        List<String> parts = new ArrayList<>();
        String problem = split(written, parts);
        if (problem == null && parts.size() > 2) {
            problem = "it has " + parts.size() + " dot-separated parts";
        }
        if (problem != null) {
            throw new IllegalArgumentException("table name '" + written + "' cannot be read: " + problem + "; expected"
                    + " table or schema.table, a part double-quoted when it has capitals, spaces or dots, e.g."
                    + " orders, billing.invoices, \"AuditEvents\"");
        }
        return parts.size() == 1 ? new TableReference(written, Optional.empty(), parts.get(0))
                : new TableReference(written, Optional.of(parts.get(0)), parts.get(1));
    }

    /** The way to write {@code table} that means it and nothing else: schema-qualified, quoted where needed. */
    public static TableReference of(TableName table) {
        return new TableReference(table.sql(), Optional.of(table.schema()), table.name());
    }

    /** The table this name means in {@code model}: the qualified one, else the first of its search_path. */
    public Optional<TableName> resolveIn(SchemaModel model) {
        if (schema.isPresent()) {
            TableName wanted = new TableName(schema.get(), name);
            return model.table(wanted).map(Table::name);
        }
        for (String s : model.searchPath()) {
            Optional<Table> found = model.table(new TableName(s, name));
            if (found.isPresent()) {
                return Optional.of(found.get().name());
            }
        }
        return Optional.empty();
    }

    /** Why this name means no table of {@code model}, and the names that would: for a name that does not resolve. */
    public DatagenException.Problem notFoundIn(SchemaModel model) {
        String where = schema.map(s -> "in schema " + s)
                .orElse("in the search_path (" + (model.searchPath().isEmpty() ? "no existing schema"
                        : String.join(", ", model.searchPath())) + ")");
        String found = "no table " + name + " " + where;
        List<TableName> sameName = model.tables().stream().map(Table::name)
                .filter(t -> t.name().equals(name)).toList();
        if (!sameName.isEmpty()) {
            return new DatagenException.Problem(written, null, found,
                    "qualify it with its schema: " + names(sameName));
        }
        List<TableName> otherCase = model.tables().stream().map(Table::name)
                .filter(t -> t.name().equalsIgnoreCase(name) && schema.map(s -> s.equalsIgnoreCase(t.schema())).orElse(true))
                .toList();
        if (!otherCase.isEmpty()) {
            return new DatagenException.Problem(written, null, found + " (unquoted names are read in lower case)",
                    "write the name as it is spelled, double-quoted: " + names(otherCase));
        }
        List<TableName> all = model.tables().stream().map(Table::name).toList();
        return new DatagenException.Problem(written, null, found,
                "use one of the known tables: " + (all.isEmpty() ? "(none)" : names(all)));
    }

    private static String names(List<TableName> tables) {
        return tables.stream().map(TableName::sql).collect(Collectors.joining(", "));
    }

    /** Splits at dots outside double quotes into {@code parts}; returns what is wrong, or null. */
    private static String split(String written, List<String> parts) {
        int i = 0;
        int n = written.length();
        while (true) {
            while (i < n && Character.isWhitespace(written.charAt(i))) i++;
            StringBuilder part = new StringBuilder();
            if (i < n && written.charAt(i) == '"') {
                int close = i + 1;
                while (true) {
                    if (close >= n) return "a double quote is not closed";
                    if (written.charAt(close) == '"') {
                        if (close + 1 < n && written.charAt(close + 1) == '"') {
                            part.append('"');
                            close += 2;
                            continue;
                        }
                        break;
                    }
                    part.append(written.charAt(close++));
                }
                if (part.isEmpty()) return "\"\" is an empty name";
                i = close + 1;
            } else {
                int start = i;
                while (i < n && written.charAt(i) != '.' && !Character.isWhitespace(written.charAt(i))
                        && written.charAt(i) != '"') i++;
                String bare = written.substring(start, i);
                if (bare.isEmpty()) return parts.isEmpty() && i >= n ? "it is empty" : "a part is empty";
                if (!bare.matches("[\\p{L}_][\\p{L}\\p{N}_$]*")) {
                    return "'" + bare + "' is not a plain identifier (letters, digits, _ and $, not starting with a"
                            + " digit); double-quote it to use it as it is";
                }
                part.append(foldUnquoted(bare));
            }
            parts.add(part.toString());
            while (i < n && Character.isWhitespace(written.charAt(i))) i++;
            if (i >= n) return null;
            if (written.charAt(i) != '.') return "unexpected '" + written.charAt(i) + "' after " + part
                    + " (a name with spaces or other characters is double-quoted)";
            i++;
        }
    }

    /**
     * PostgreSQL folds unquoted identifiers to lower case, ASCII letters only in a multi-byte encoding such as UTF-8
     * (the encoding of every database migratest creates).
     */
    private static String foldUnquoted(String bare) {
        StringBuilder out = new StringBuilder(bare.length());
        for (char c : bare.toCharArray()) {
            out.append(c >= 'A' && c <= 'Z' ? Character.toLowerCase(c) : c);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return written;
    }
}
