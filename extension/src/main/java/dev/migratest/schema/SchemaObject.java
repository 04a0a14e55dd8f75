package dev.migratest.schema;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One object of the catalog as a snapshot saw it.
 *
 * @param kind       e.g. {@code column}, {@code index}, {@code materialized view}
 * @param name       schema-qualified, e.g. {@code public.users.email}, {@code public.f(integer)}
 * @param parent     identity of the table, view or domain the object belongs to and goes away with, or {@code null}
 * @param attributes attribute name → value; an absent attribute has no entry
 */
record SchemaObject(String kind, String name, String parent, SortedMap<String, String> attributes) {

    SchemaObject {
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    /** The key the object is compared under, e.g. {@code column public.users.email}. */
    String identity() {
        return kind + " " + name;
    }

    String attribute(String attributeName) {
        return attributes.get(attributeName);
    }
}
