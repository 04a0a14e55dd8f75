package dev.migratest.postgres;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Postgres in a container started by Testcontainers, when a Docker API answers. The image is the official
 * {@code postgres:<major>} unless the test names an image, or {@value #IMAGE_ENV} / {@value #IMAGE_PROPERTY} names the
 * default one (a CI engine with a locally built image). Durability stays on unless the fast profile is asked for:
 * fsync and friends change what a migration costs, and measuring is the point.
 * <p>
 * Each container is labelled with the JVM that started it ({@link ContainerOwner}), and before starting one the
 * containers of JVMs on this host that died without stopping theirs are removed ({@link OrphanedContainers}): Ryuk,
 * which would do it, is off on podman and on many CI machines.
 */
public final class ContainerProvider implements PostgresProvider {
    /** The image used when a test asks for no particular version. */
    public static final String IMAGE_PROPERTY = "migratest.container.image";
    public static final String IMAGE_ENV = "MIGRATEST_CONTAINER_IMAGE";
    /** Used when nothing names an image: the official image, same major as the embedded default. */
    public static final String DEFAULT_REPOSITORY = "postgres";
    public static final String DEFAULT_MAJOR = "17";
    private static final System.Logger LOG = System.getLogger(ContainerProvider.class.getName());

    private final PostgresRequest request;
    private final boolean fast;

    public ContainerProvider(PostgresRequest request, boolean fast) {
        this.request = request;
        this.fast = fast;
    }

    @Override
    public String name() {
        return "container";
    }

    @Override
    public Optional<String> unavailableReason() {
        return engineUnavailableReason();
    }

    /** Empty when a container engine can be used; otherwise why not. */
    public static Optional<String> engineUnavailableReason() {
        Optional<String> noApi = DockerApiProbe.unavailableReason();
        if (noApi.isPresent()) return noApi;
        // The cheap ping answered; Testcontainers' own check also validates the API version and the environment.
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return Optional.of("a Docker API answered, but Testcontainers cannot use it (see its log)");
        }
        return Optional.empty();
    }

    /** The image this provider would run for its request. */
    public String image() {
        if (request.image() != null) return request.image();
        String configured = configuredDefaultImage();
        if (request.major() == null) return configured != null ? configured : DEFAULT_REPOSITORY + ":" + DEFAULT_MAJOR;
        return DEFAULT_REPOSITORY + ":" + request.major();
    }

    @Override
    public PostgresServer start() throws Exception {
        String image = image();
        ContainerOwner owner = ContainerOwner.thisJvm();
        sweepOrphans(owner);
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName("postgres")
                .withUsername("migratest")
                .withPassword("migratest")
                .withLabels(owner.labels());
        container.setCommand(command(fast).toArray(String[]::new));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new IllegalStateException("container " + image + " did not start: " + rootMessage(e), e);
        }
        ServerAddress address = ServerAddress.parse(container.getJdbcUrl(), container.getUsername(),
                container.getPassword());
        PostgresServer server = new PostgresServer(name(), address, container::stop, () -> markKept(container));
        if (request.major() != null && !request.major().equals(String.valueOf(server.majorVersion()))) {
            server.close();
            throw new IllegalStateException("image " + image + " runs PostgreSQL " + server.version() + ", not the "
                    + request.major() + " that was asked for");
        }
        return server;
    }

    /** Testcontainers starts Postgres with fsync=off; only the opt-in fast profile keeps such settings. */
    static List<String> command(boolean fast) {
        List<String> command = new ArrayList<>(List.of("postgres"));
        if (fast) {
            for (String setting : FastProfile.SETTINGS) {
                command.add("-c");
                command.add(setting);
            }
        }
        return command;
    }

    /** A failed sweep leaves at most a container behind: it is reported, and the run goes on. */
    private static void sweepOrphans(ContainerOwner owner) {
        try {
            OrphanedContainers.sweep(DockerClientFactory.instance().client(), owner);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not look for containers left by killed JVMs: " + e);
        }
    }

    /**
     * Testcontainers labels every container with its session, and removes the session's containers when the JVM ends
     * (Ryuk, or its own shutdown hook when Ryuk is off); the label cannot be taken off. So the mark protects a kept
     * container from migratest's sweep only, which matters when this JVM is killed; the log says as much.
     */
    private static void markKept(PostgreSQLContainer container) {
        String name = OrphanedContainers.markKept(DockerClientFactory.instance().client(), container.getContainerId());
        LOG.log(System.Logger.Level.INFO, "container " + container.getContainerId() + " is kept for inspection, renamed "
                + name + " so that no later migratest run removes it; Testcontainers still removes it when this JVM"
                + " ends normally, so it outlives only a JVM that is killed (then docker rm -f " + name + " when done)");
    }

    private static String configuredDefaultImage() {
        String property = System.getProperty(IMAGE_PROPERTY);
        if (property != null && !property.isBlank()) return property.trim();
        String env = System.getenv(IMAGE_ENV);
        return env == null || env.isBlank() ? null : env.trim();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return ServerAddress.mask(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }
}
