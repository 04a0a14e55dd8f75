package dev.migratest.migration;

import java.util.Locale;

/**
 * Decides a statement's {@link StatementKind} from its tokens, so a keyword inside a comment, a string or a quoted
 * identifier never counts.
 */
final class StatementClassifier {

    private StatementClassifier() {
    }

    static StatementKind classify(StatementTokens statement) {
        if (controlsTransaction(statement)) {
            return StatementKind.TRANSACTION_CONTROL;
        }
        if (refusesTransactionBlock(statement)) {
            return StatementKind.NEEDS_AUTOCOMMIT;
        }
        return StatementKind.ORDINARY;
    }

    /**
     * The script's own {@code BEGIN [WORK|TRANSACTION] [modes]}, {@code START TRANSACTION}, {@code COMMIT
     * [WORK|TRANSACTION]} or {@code END [WORK|TRANSACTION]}. {@code BEGIN ATOMIC} opens a routine body, and
     * {@code COMMIT PREPARED} finishes a two-phase transaction: neither controls the script's transaction.
     */
    private static boolean controlsTransaction(StatementTokens s) {
        return (s.isKeyword(0, "BEGIN") && !s.isKeyword(1, "ATOMIC"))
                || s.startsWith("START", "TRANSACTION")
                || (s.isKeyword(0, "COMMIT") && !s.isKeyword(1, "PREPARED"))
                || s.isKeyword(0, "END");
    }

    /** The statements PostgreSQL rejects with "… cannot run inside a transaction block". */
    private static boolean refusesTransactionBlock(StatementTokens s) {
        return s.startsWith("CREATE", "INDEX", "CONCURRENTLY")
                || s.startsWith("CREATE", "UNIQUE", "INDEX", "CONCURRENTLY")
                || s.startsWith("DROP", "INDEX", "CONCURRENTLY")
                || (s.isKeyword(0, "REINDEX") && reindexRefusesTransactionBlock(s))
                || s.isKeyword(0, "VACUUM")
                || (s.startsWith("ALTER", "TABLE") && detachesPartitionConcurrently(s))
                || s.startsWith("CREATE", "DATABASE")
                || s.startsWith("DROP", "DATABASE")
                || s.startsWith("CREATE", "TABLESPACE")
                || s.startsWith("DROP", "TABLESPACE")
                || s.startsWith("ALTER", "SYSTEM")
                || s.startsWith("DISCARD", "ALL")
                || (s.startsWith("CREATE", "SUBSCRIPTION") && createsReplicationSlot(s))
                // Whether the subscription still has a slot was decided by an earlier statement; autocommit is
                // right either way, a transaction only when the slot is NONE.
                || s.startsWith("DROP", "SUBSCRIPTION")
                || s.startsWith("COMMIT", "PREPARED")
                || s.startsWith("ROLLBACK", "PREPARED");
    }

    /**
     * {@code REINDEX [(options)] {INDEX|TABLE|SCHEMA|DATABASE|SYSTEM} [CONCURRENTLY] name}: CONCURRENTLY (as keyword or
     * as option) and the schema-, database- and system-wide forms all refuse a transaction block.
     */
    private static boolean reindexRefusesTransactionBlock(StatementTokens s) {
        int target = s.skipParenthesised(1);
        return s.containsKeyword("CONCURRENTLY")
                || s.isKeyword(target, "SCHEMA")
                || s.isKeyword(target, "DATABASE")
                || s.isKeyword(target, "SYSTEM");
    }

    private static boolean detachesPartitionConcurrently(StatementTokens s) {
        int detach = s.indexOfKeyword("DETACH", 2);
        while (detach >= 0 && !s.isKeyword(detach + 1, "PARTITION")) {
            detach = s.indexOfKeyword("DETACH", detach + 1);
        }
        return detach >= 0 && s.indexOfKeyword("CONCURRENTLY", detach + 2) >= 0;
    }

    /**
     * CREATE SUBSCRIPTION creates a replication slot unless told not to ({@code create_slot = false},
     * {@code connect = false} or {@code slot_name = NONE}); only the slot creation refuses a transaction block.
     */
    private static boolean createsReplicationSlot(StatementTokens s) {
        for (int i = 2; i + 2 < s.size(); i++) {
            if (!s.isSymbol(i + 1, '=')) {
                continue;
            }
            String value = optionValue(s, i + 2);
            if ((s.isKeyword(i, "CREATE_SLOT") || s.isKeyword(i, "CONNECT"))
                    && (value.equals("false") || value.equals("off") || value.equals("0"))) {
                return false;
            }
            if (s.isKeyword(i, "SLOT_NAME") && value.equals("none")) {
                return false;
            }
        }
        return true;
    }

    /** An option value as PostgreSQL compares it: lower case, a {@code '…'} string read as its contents. */
    private static String optionValue(StatementTokens s, int index) {
        String value = s.textOf(index);
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
