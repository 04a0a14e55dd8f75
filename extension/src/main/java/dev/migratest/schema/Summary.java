package dev.migratest.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** What a missing or unexpected object is, in a few words, e.g. {@code text, nullable} for a column. */
final class Summary {

    private Summary() {
    }

    /** The summary of {@code object}, which belongs to {@code snapshot}; empty when there is nothing to say. */
    static String of(SchemaObject object, SchemaSnapshot snapshot) {
        String summary;
        switch (object.kind()) {
            case "column":
                summary = column(object);
                break;
            case "table":
                summary = table(object, snapshot);
                break;
            case "constraint":
                summary = join(" ", object.attribute("definition"),
                        "false".equals(object.attribute("validated")) ? "NOT VALID" : null);
                break;
            case "index":
                summary = join(" ", object.attribute("definition"),
                        "false".equals(object.attribute("valid")) ? "(invalid)" : null);
                break;
            case "sequence":
                summary = join(" ", object.attribute("type"), prefixed("start ", object.attribute("start")),
                        prefixed("increment ", object.attribute("increment")));
                break;
            case "enum":
                summary = object.attribute("labels");
                break;
            case "domain":
                summary = join(", ", object.attribute("base type"),
                        "true".equals(object.attribute("not null")) ? "not null" : null,
                        prefixed("default ", object.attribute("default")));
                break;
            case "type":
                summary = object.attribute("attributes");
                break;
            case "range":
                summary = prefixed("subtype ", object.attribute("subtype"));
                break;
            case "extension":
                summary = prefixed("version ", object.attribute("version"));
                break;
            case "policy":
                summary = join(" ", object.attribute("command"), prefixed("to ", object.attribute("roles")),
                        prefixed("using ", object.attribute("using")),
                        prefixed("with check ", object.attribute("with check")));
                break;
            case "event trigger":
                summary = join(" ", prefixed("on ", object.attribute("event")),
                        prefixed("executes ", object.attribute("function")));
                break;
            case "schema":
                summary = null;
                break;
            default:
                summary = object.attribute("definition");
        }
        return summary == null ? "" : Excerpt.of(summary);
    }

    private static String column(SchemaObject column) {
        String notNull = column.attribute("not null");
        return join(", ", column.attribute("type"),
                notNull == null ? null : notNull.equals("true") ? "not null" : "nullable",
                prefixed("default ", column.attribute("default")),
                prefixed("identity ", column.attribute("identity")),
                prefixed("generated ", column.attribute("generated")));
    }

    private static String table(SchemaObject table, SchemaSnapshot snapshot) {
        List<String> traits = new ArrayList<>();
        if (!"ordinary".equals(table.attribute("kind"))) {
            traits.add(join(" ", table.attribute("kind"), table.attribute("partition key")));
        }
        if ("unlogged".equals(table.attribute("persistence"))) {
            traits.add("unlogged");
        }
        if (table.attribute("partition of") != null) {
            traits.add(join(" ", "partition of " + table.attribute("partition of"), table.attribute("partition bound")));
        }
        StringJoiner columns = new StringJoiner(", ", "columns ", "").setEmptyValue("no columns");
        String identity = table.identity();
        snapshot.objects().values().stream()
                .filter(object -> object.kind().equals("column") && identity.equals(object.parent()))
                .sorted((a, b) -> Integer.compare(position(a), position(b)))
                .forEach(column -> columns.add(column.name().substring(table.name().length() + 1)
                        + " " + column.attribute("type")));
        traits.add(columns.toString());
        return String.join(", ", traits);
    }

    private static int position(SchemaObject column) {
        String position = column.attribute(ColumnPositions.POSITION);
        return position == null ? Integer.MAX_VALUE : Integer.parseInt(position);
    }

    private static String prefixed(String prefix, String value) {
        return value == null ? null : prefix + value;
    }

    private static String join(String separator, String... parts) {
        StringJoiner joiner = new StringJoiner(separator);
        for (String part : parts) {
            if (part != null && !part.isEmpty()) {
                joiner.add(part);
            }
        }
        return joiner.length() == 0 ? null : joiner.toString();
    }
}
