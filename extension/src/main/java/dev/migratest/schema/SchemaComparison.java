package dev.migratest.schema;

import java.util.List;

/**
 * Two snapshots compared.
 *
 * @param differences one line per difference ({@link SchemaDiff#between}); empty when the schemas are the same
 * @param notes       attributes that differ only by the time they were created ({@link FrozenClock}): explained, not
 *                    differences
 */
public record SchemaComparison(List<String> differences, List<String> notes) {
    public SchemaComparison {
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
    }
}
