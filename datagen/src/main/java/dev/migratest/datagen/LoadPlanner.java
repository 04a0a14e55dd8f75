package dev.migratest.datagen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Orders tables so that every foreign key's referenced table is loaded first (ties broken by name).
 * <ul>
 *   <li>Self-references are fine: a row points at an earlier row (or itself), or NULL.</li>
 *   <li>A cycle is broken through foreign keys that accept NULL: they are loaded as NULL and set by an UPDATE
 *       once the cycle's tables are loaded. If that is not enough but the cycle's remaining keys include a
 *       DEFERRABLE one, the cycle is loaded in one transaction with constraints deferred. Otherwise the cycle
 *       cannot be loaded and is reported.</li>
 *   <li>A foreign key to a table that gets 0 rows stays NULL; if it cannot be NULL, that is reported.</li>
 * </ul>
 * All problems are collected and thrown together as one {@link DatagenException}.
 */
public final class LoadPlanner {

    private LoadPlanner() {
    }

    /** An FK as an edge: {@code from} references {@code to}. */
    private record Edge(Table from, TableName to, ForeignKey fk, boolean breakable) {
        boolean deferrable() {
            return fk.deferrable();
        }
    }

    public static LoadPlan plan(SchemaModel model, Volume volume) {
        Map<TableName, Long> rows = volume.resolve(model);
        List<DatagenException.Problem> problems = new ArrayList<>();
        Map<TableName, Table> tables = new TreeMap<>();
        model.tables().forEach(t -> tables.put(t.name(), t));

        Map<TableName, List<Edge>> out = new TreeMap<>();
        Map<TableName, List<ForeignKey>> alwaysNull = new HashMap<>();
        Map<TableName, List<ForeignKey>> self = new HashMap<>();
        for (Table t : tables.values()) {
            out.put(t.name(), new ArrayList<>());
            alwaysNull.put(t.name(), new ArrayList<>());
            self.put(t.name(), new ArrayList<>());
        }
        for (Table t : tables.values()) {
            if (rows.get(t.name()) == 0) {
                continue; // nothing is inserted, so its keys constrain nothing
            }
            for (ForeignKey fk : t.foreignKeys()) {
                TableName ref = fk.referencedTable();
                boolean breakable = t.canBeNull(fk);
                if (ref.equals(t.name())) {
                    self.get(t.name()).add(fk);
                } else if (!tables.containsKey(ref)) {
                    problems.add(new DatagenException.Problem(t.name().toString(), String.join(", ", fk.columns()),
                            "foreign key " + fk.name() + " references " + ref + ", which datagen does not load "
                                    + "(extension-owned or in an excluded schema)",
                            "give " + t.name() + " 0 rows"));
                } else if (rows.get(ref) == 0) {
                    if (breakable) {
                        alwaysNull.get(t.name()).add(fk);
                    } else {
                        problems.add(new DatagenException.Problem(t.name().toString(), String.join(", ", fk.columns()),
                                "foreign key " + fk.name() + " is NOT NULL and references " + ref
                                        + ", which gets 0 rows",
                                "give " + ref + " rows, or give " + t.name() + " 0 rows"));
                    }
                } else {
                    out.get(t.name()).add(new Edge(t, ref, fk, breakable));
                }
            }
        }

        List<Set<TableName>> components = stronglyConnected(out);
        Map<TableName, Integer> componentOf = new HashMap<>();
        for (int i = 0; i < components.size(); i++) {
            for (TableName n : components.get(i)) {
                componentOf.put(n, i);
            }
        }
        // order the components: a component comes after every component it references
        Map<Integer, Set<Integer>> dependsOn = new HashMap<>();
        for (int i = 0; i < components.size(); i++) {
            Set<Integer> deps = new HashSet<>();
            for (TableName n : components.get(i)) {
                for (Edge e : out.get(n)) {
                    int j = componentOf.get(e.to());
                    if (j != i) {
                        deps.add(j);
                    }
                }
            }
            dependsOn.put(i, deps);
        }
        List<Integer> componentOrder = topological(dependsOn.keySet(), dependsOn,
                Comparator.comparing(i -> components.get(i).iterator().next()));

        List<LoadPlan.Step> steps = new ArrayList<>();
        for (int c : componentOrder) {
            Set<TableName> members = components.get(c);
            List<Edge> internal = members.stream().flatMap(n -> out.get(n).stream())
                    .filter(e -> members.contains(e.to())).toList();
            boolean defer = false;
            List<TableName> order = members.size() == 1 ? List.copyOf(members)
                    : orderWithin(members, internal, e -> !e.breakable());
            if (order == null) {
                defer = true;
                order = orderWithin(members, internal, e -> !e.breakable() && !e.deferrable());
            }
            if (order == null) {
                problems.add(cycleProblem(members, internal));
                continue;
            }
            Map<TableName, Integer> position = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                position.put(order.get(i), i);
            }
            List<LoadPlan.TableLoad> loads = new ArrayList<>();
            List<LoadPlan.DeferredUpdate> updates = new ArrayList<>();
            for (TableName n : order) {
                Table t = tables.get(n);
                List<ForeignKey> nullUntilUpdated = new ArrayList<>();
                for (Edge e : internal) {
                    boolean backward = e.from().name().equals(n) && position.get(e.to()) > position.get(n);
                    if (backward && !(defer && e.deferrable())) {
                        nullUntilUpdated.add(e.fk());
                        updates.add(new LoadPlan.DeferredUpdate(n, e.fk(), t.nullableColumns(e.fk())));
                    }
                }
                loads.add(new LoadPlan.TableLoad(t, rows.get(n), nullUntilUpdated, alwaysNull.get(n), self.get(n)));
            }
            steps.add(new LoadPlan.Step(loads, defer, updates));
        }
        if (!problems.isEmpty()) {
            throw new DatagenException(problems);
        }
        return new LoadPlan(steps);
    }

    /** A load order of the members honouring the edges that {@code mustPrecede} selects, or null on a cycle. */
    private static List<TableName> orderWithin(Set<TableName> members, List<Edge> internal, Predicate<Edge> mustPrecede) {
        Map<TableName, Set<TableName>> deps = new HashMap<>();
        members.forEach(m -> deps.put(m, new HashSet<>()));
        internal.stream().filter(mustPrecede).forEach(e -> deps.get(e.from().name()).add(e.to()));
        List<TableName> order = topological(members, deps, Comparator.naturalOrder());
        return order.size() == members.size() ? order : null;
    }

    /** Kahn's algorithm, smallest ready node first; leaves out nodes on a cycle. */
    private static <N> List<N> topological(Set<N> nodes, Map<N, Set<N>> dependsOn, Comparator<N> tieBreak) {
        Map<N, Integer> missing = new HashMap<>();
        Map<N, List<N>> dependents = new HashMap<>();
        for (N n : nodes) {
            missing.put(n, dependsOn.get(n).size());
            for (N d : dependsOn.get(n)) {
                dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(n);
            }
        }
        PriorityQueue<N> ready = new PriorityQueue<>(tieBreak);
        nodes.stream().filter(n -> missing.get(n) == 0).forEach(ready::add);
        List<N> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            N n = ready.poll();
            order.add(n);
            for (N d : dependents.getOrDefault(n, List.of())) {
                if (missing.merge(d, -1, Integer::sum) == 0) {
                    ready.add(d);
                }
            }
        }
        return order;
    }

    /** Tarjan's algorithm over tables in name order; each component's names sorted. */
    private static List<Set<TableName>> stronglyConnected(Map<TableName, List<Edge>> out) {
        Map<TableName, Integer> index = new HashMap<>();
        Map<TableName, Integer> low = new HashMap<>();
        List<TableName> stack = new ArrayList<>();
        Set<TableName> onStack = new HashSet<>();
        List<Set<TableName>> result = new ArrayList<>();
        for (TableName start : out.keySet()) {
            if (!index.containsKey(start)) {
                strongConnect(start, out, index, low, stack, onStack, result);
            }
        }
        return result;
    }

    private static void strongConnect(TableName v, Map<TableName, List<Edge>> out, Map<TableName, Integer> index,
                                      Map<TableName, Integer> low, List<TableName> stack, Set<TableName> onStack,
                                      List<Set<TableName>> result) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.add(v);
        onStack.add(v);
        for (Edge e : out.get(v)) {
            TableName w = e.to();
            if (!index.containsKey(w)) {
                strongConnect(w, out, index, low, stack, onStack, result);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<TableName> component = new TreeSet<>();
            TableName w;
            do {
                w = stack.remove(stack.size() - 1);
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            result.add(component);
        }
    }

    /** Names one cycle of keys that are NOT NULL and not deferrable, starting from the first table by name. */
    private static DatagenException.Problem cycleProblem(Set<TableName> members, List<Edge> internal) {
        Map<TableName, List<Edge>> hard = new TreeMap<>();
        internal.stream().filter(e -> !e.breakable() && !e.deferrable())
                .sorted(Comparator.comparing((Edge e) -> e.to()).thenComparing(e -> e.fk().name()))
                .forEach(e -> hard.computeIfAbsent(e.from().name(), k -> new ArrayList<>()).add(e));
        List<Edge> cycle = null;
        Set<TableName> done = new HashSet<>();
        for (TableName start : members) {
            cycle = findCycle(start, hard, new LinkedHashSet<>(), new ArrayList<>(), done);
            if (cycle != null) {
                break;
            }
        }
        if (cycle == null) { // cannot happen: orderWithin failed, so the hard edges have a cycle
            throw new IllegalStateException("no cycle among " + members);
        }
        // rotate so that it starts at its smallest table
        int first = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (cycle.get(i).from().name().compareTo(cycle.get(first).from().name()) < 0) {
                first = i;
            }
        }
        List<Edge> rotated = new ArrayList<>(cycle.subList(first, cycle.size()));
        rotated.addAll(cycle.subList(0, first));
        String path = rotated.stream().map(e -> e.from().name().toString()).collect(Collectors.joining(" → "))
                + " → " + rotated.get(0).from().name();
        String keys = rotated.stream()
                .map(e -> e.from().name() + "(" + String.join(", ", e.fk().columns()) + ") " + e.fk().name())
                .collect(Collectors.joining(", "));
        return new DatagenException.Problem(rotated.get(0).from().name().toString(),
                String.join(", ", rotated.get(0).fk().columns()),
                "foreign keys form a cycle " + path + " and every key in it is NOT NULL and not DEFERRABLE: " + keys,
                "make one of these foreign keys nullable or DEFERRABLE, or give the tables of the cycle 0 rows");
    }

    /** Depth-first search; {@code done} holds nodes fully explored without finding a cycle. */
    private static List<Edge> findCycle(TableName at, Map<TableName, List<Edge>> hard, LinkedHashSet<TableName> path,
                                        List<Edge> edges, Set<TableName> done) {
        if (path.contains(at)) {
            List<TableName> p = new ArrayList<>(path);
            return new ArrayList<>(edges.subList(p.indexOf(at), edges.size()));
        }
        if (done.contains(at)) {
            return null;
        }
        path.add(at);
        for (Edge e : hard.getOrDefault(at, List.of())) {
            edges.add(e);
            List<Edge> found = findCycle(e.to(), hard, path, edges, done);
            if (found != null) {
                return found;
            }
            edges.remove(edges.size() - 1);
        }
        path.remove(at);
        done.add(at);
        return null;
    }
}
