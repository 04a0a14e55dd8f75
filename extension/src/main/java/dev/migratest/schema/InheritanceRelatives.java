package dev.migratest.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DETACH PARTITION and NO INHERIT change the child's "partition of" / "inherits", yet report only the parent and
 * leave no dependency behind to find the child by. The previous snapshot still names the parent on the child's row:
 * those children are re-read along with the parent.
 */
final class InheritanceRelatives {

    private InheritanceRelatives() {
    }

    static Set<String> of(Set<String> roots, Map<String, List<CatalogEntry>> byRoot) {
        Set<String> parentNames = new HashSet<>();
        for (String root : roots) {
            for (CatalogEntry entry : byRoot.getOrDefault(root, List.of())) {
                if (entry.object().kind().equals("table")) parentNames.add(entry.object().name());
            }
        }
        Set<String> relatives = new HashSet<>();
        if (parentNames.isEmpty()) return relatives;
        for (Map.Entry<String, List<CatalogEntry>> candidate : byRoot.entrySet()) {
            for (CatalogEntry entry : candidate.getValue()) {
                SchemaObject table = entry.object();
                if (!table.kind().equals("table")) continue;
                String partitionOf = table.attribute("partition of");
                String inherits = table.attribute("inherits");
                if ((partitionOf != null && parentNames.contains(partitionOf))
                        || (inherits != null && mentions(inherits, parentNames))) {
                    relatives.add(candidate.getKey());
                }
            }
        }
        return relatives;
    }

    private static boolean mentions(String inherits, Set<String> names) {
        for (String parent : inherits.split(", ")) {
            if (names.contains(parent)) return true;
        }
        return false;
    }
}
