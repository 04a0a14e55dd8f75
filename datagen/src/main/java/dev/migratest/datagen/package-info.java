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
 *       constraints, row counts.</li>
 * </ol>
 * Problems are reported all at once in a {@link dev.migratest.datagen.DatagenException}.
 */
package dev.migratest.datagen;
