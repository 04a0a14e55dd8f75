package dev.migratest.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the order of columns. A column has moved when its rank among the columns that both snapshots hold for its
 * table changed; the line shows its positions among all live columns. So a re-added column that landed at the end
 * is reported (with the columns it jumped over), but a column missing from the middle moves nothing else.
 */
final class ColumnPositions {

    static final String POSITION = "position";

    private ColumnPositions() {
    }

    static void moved(Map<String, SchemaObject> before, Map<String, SchemaObject> after, List<String> lines) {
        Map<String, List<SchemaObject>> shared = new HashMap<>();
        for (SchemaObject column : before.values()) {
            if (column.kind().equals("column") && after.containsKey(column.identity())) {
                shared.computeIfAbsent(column.parent(), parent -> new ArrayList<>()).add(column);
            }
        }
        for (List<SchemaObject> columns : shared.values()) {
            List<SchemaObject> was = new ArrayList<>(columns);
            was.sort(Comparator.comparingInt(ColumnPositions::position));
            List<SchemaObject> is = new ArrayList<>(columns.size());
            for (SchemaObject column : columns) {
                is.add(after.get(column.identity()));
            }
            is.sort(Comparator.comparingInt(ColumnPositions::position));
            Map<String, Integer> rankAfter = new HashMap<>();
            for (int i = 0; i < is.size(); i++) {
                rankAfter.put(is.get(i).identity(), i);
            }
            for (int i = 0; i < was.size(); i++) {
                SchemaObject column = was.get(i);
                if (rankAfter.get(column.identity()) != i) {
                    lines.add(column.identity() + ": " + POSITION + " " + column.attribute(POSITION) + SchemaDiff.ARROW
                            + after.get(column.identity()).attribute(POSITION));
                }
            }
        }
    }

    private static int position(SchemaObject column) {
        String position = column.attribute(POSITION);
        return position == null ? Integer.MAX_VALUE : Integer.parseInt(position);
    }
}
