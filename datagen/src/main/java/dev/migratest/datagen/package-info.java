/**
 * Schema-aware synthetic data for PostgreSQL (introspect → plan → generate → COPY), usable without JUnit.
 * <p>
 * Built so far:
 * <ol>
 *   <li>{@link dev.migratest.datagen.SchemaIntrospector} reads the user tables from {@code pg_catalog} into an
 *       immutable {@link dev.migratest.datagen.SchemaModel} (columns with domain-resolved types, keys, unique
 *       indexes, foreign keys, checks, row estimates);</li>
 *   <li>{@link dev.migratest.datagen.LoadPlanner} turns a model and a {@link dev.migratest.datagen.Volume} into a
 *       {@link dev.migratest.datagen.LoadPlan}: load order, cycles broken through nullable keys or deferred
 *       constraints, row counts;</li>
 *   <li>{@link dev.migratest.datagen.DataLoader} generates every value as a pure function of (seed, table, column,
 *       row index) — keys unique by construction, foreign keys computed from the parent's generator, edge values
 *       first, realistic values from seeded Datafaker pools, candidates checked by PostgreSQL against types,
 *       domains and column CHECKs — and streams them into fresh tables with COPY, giving a
 *       {@link dev.migratest.datagen.LoadReport}.</li>
 * </ol>
 * Problems are reported all at once in a {@link dev.migratest.datagen.DatagenException}.
 */
package dev.migratest.datagen;
