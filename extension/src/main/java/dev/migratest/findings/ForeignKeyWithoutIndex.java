package dev.migratest.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A foreign key whose referencing columns lead no index: every DELETE or key UPDATE on the referenced table scans the
 * referencing one, under lock. Read from the catalog after the phase.
 */
final class ForeignKeyWithoutIndex implements Rule {

    /** {@code orders_customer_id_fkey on public.orders (customer_id)}, as {@code PhaseAftermath} documents it. */
    private static final Pattern ENTRY = Pattern.compile("^(\\S+)\\s+on\\s+(\\S+)\\s*(\\(.*\\))?\\s*$");

    @Override
    public String id() {
        return "foreign-key-without-index";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public List<Detection> inspect(PhaseView phase) {
        List<Detection> found = new ArrayList<>();
        for (String foreignKey : phase.aftermath().unindexedForeignKeys()) {
            Matcher m = ENTRY.matcher(foreignKey.strip());
            String constraint = m.matches() ? m.group(1) : foreignKey;
            String table = m.matches() ? m.group(2) : null;
            String columns = m.matches() && m.group(3) != null ? m.group(3) : "(…)";
            int line = phase.lineNaming(constraint);
            if (line == 0 && table != null) line = phase.lineNaming(table);
            found.add(new Detection(line, table, phase.at(line) + ": foreign key " + foreignKey
                    + " has no index on its referencing columns; each DELETE or key UPDATE on the referenced table "
                    + "scans " + (table == null ? "the referencing table" : table),
                    "CREATE INDEX CONCURRENTLY ON " + (table == null ? "<table>" : table) + " " + columns
                            + " in a migration of its own, outside a transaction."));
        }
        return found;
    }
}
