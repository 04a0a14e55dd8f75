/**
 * Schema-aware synthetic data for PostgreSQL (introspect → plan → generate → COPY), usable without JUnit.
 * Not built yet: the module exists so that the extension's dependency on it is in place.
 */
package dev.migratest.datagen;
