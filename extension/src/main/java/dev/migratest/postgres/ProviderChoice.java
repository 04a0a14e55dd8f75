package dev.migratest.postgres;

/** Which provider to use; AUTO tries them in order: external URL → container → embedded. */
public enum ProviderChoice {
    AUTO, EXTERNAL, CONTAINER, EMBEDDED
}
