package dev.migratest.schema;

/**
 * One object as read from the catalog, with what an incremental re-read needs: the root it lives and dies with,
 * and its catalog address (OIDs stay out of the compared values; they are only bookkeeping here).
 */
record CatalogEntry(SchemaObject object, String root, long classid, long objid) {
}
