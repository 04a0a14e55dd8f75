package com.example.shop;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** One PostgreSQL container for the whole test run: the application's Spring tests and the migration rehearsal. */
final class SharedPostgres {
    static final PostgreSQLContainer CONTAINER = new PostgreSQLContainer(image());

    private SharedPostgres() {
    }

    private static DockerImageName image() {
        // a CI machine that reaches no registry serves a locally built image and names it here
        String local = System.getenv("MIGRATEST_CONTAINER_IMAGE");
        return local == null || local.isBlank() ? DockerImageName.parse("postgres:17")
                : DockerImageName.parse(local).asCompatibleSubstituteFor("postgres");
    }
}
