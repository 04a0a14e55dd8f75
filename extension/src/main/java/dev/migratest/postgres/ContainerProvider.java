package dev.migratest.postgres;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Postgres in a container started by Testcontainers, when a Docker API answers. The image is the official
 * {@code postgres:<major>} unless the test names an image, or {@value #IMAGE_ENV} / {@value #IMAGE_PROPERTY} names the
 * default one (a CI engine with a locally built image). Durability stays on unless the fast profile is asked for:
 * fsync and friends change what a migration costs, and measuring is the point.
 * <p>
 * Only Testcontainers' core is used ({@code GenericContainer}, the image's environment variables, a log-message wait),
 * never its PostgreSQL module: the module's artifact and package changed between the 1.x and 2.x lines, while the core
 * API used here is the same in both, so the provider runs on whichever line the user's build manages (Spring Boot's
 * BOM manages 1.x core, and mixing a 2.x module into it fails at run time).
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
    public static final String DEFAULT_MAJOR = EmbeddedBinaries.DEFAULT_MAJOR;
    /** The credentials the official image creates from its environment; only this container ever uses them. */
    static final String USER = "migratest";
    static final String PASSWORD = "migratest";
    private static final int PORT = 5432;
    /**
     * The official image starts a temporary server for its initialisation (unix socket only), stops it, then starts
     * the real one: the line appears twice, and only the second means TCP clients get in.
     */
    private static final String READY = ".*database system is ready to accept connections.*\\s";
    private static final Duration STARTUP = Duration.ofSeconds(60);
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
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withExposedPorts(PORT)
                .withEnv("POSTGRES_USER", USER)
                .withEnv("POSTGRES_PASSWORD", PASSWORD)
                .withEnv("POSTGRES_DB", "postgres")
                .withLabels(owner.labels())
                .waitingFor(Wait.forLogMessage(READY, 2).withStartupTimeout(STARTUP));
        container.setCommand(command(fast).toArray(String[]::new));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new IllegalStateException("container " + image + " did not start: " + rootMessage(e), e);
        }
        ServerAddress address = ServerAddress.parse("jdbc:postgresql://" + container.getHost() + ":"
                + container.getMappedPort(PORT) + "/postgres", USER, PASSWORD);
        PostgresServer server = new PostgresServer(name(), address, container::stop, () -> markKept(container));
        if (request.major() != null && !request.major().equals(String.valueOf(server.majorVersion()))) {
            server.close();
            throw new IllegalStateException("image " + image + " runs PostgreSQL " + server.version() + ", not the "
                    + request.major() + " that was asked for");
        }
        return server;
    }

    /**
     * The image's own command with the server's settings: Testcontainers' PostgreSQL module would add fsync=off;
     * only the opt-in fast profile turns durability off.
     */
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
    private static void markKept(GenericContainer<?> container) {
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
