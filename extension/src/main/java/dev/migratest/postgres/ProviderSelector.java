package dev.migratest.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tries providers in order and returns the first server that starts. Each provider is probed cheaply first; every
 * refusal and failure is collected so that, when none works, one exception says what was tried and why it failed.
 */
public final class ProviderSelector {
    private static final System.Logger LOG = System.getLogger(ProviderSelector.class.getName());

    private ProviderSelector() {
    }

    /** The providers a choice stands for, in the order AUTO tries them. */
    public static List<PostgresProvider> candidates(ProviderChoice choice, ExternalProvider external,
                                                    PostgresRequest request, boolean fast) {
        switch (choice) {
            case EXTERNAL:
                return List.of(external);
            case CONTAINER:
                return List.of(new ContainerProvider(request, fast));
            case EMBEDDED:
                return List.of(new EmbeddedProvider(request, fast));
            case AUTO:
            default:
                return List.of(external, new ContainerProvider(request, fast), new EmbeddedProvider(request, fast));
        }
    }

    public static PostgresServer start(List<PostgresProvider> providers) {
        List<String> attempts = new ArrayList<>();
        Throwable last = null;
        for (PostgresProvider provider : providers) {
            Optional<String> refusal = provider.unavailableReason();
            if (refusal.isPresent()) {
                attempts.add(provider.name() + ": skipped, " + refusal.get());
                continue;
            }
            try {
                PostgresServer server = provider.start();
                if (!attempts.isEmpty()) {
                    LOG.log(System.Logger.Level.DEBUG, "providers tried before " + provider.name() + ": "
                            + String.join("; ", attempts));
                }
                LOG.log(System.Logger.Level.INFO, "using " + server);
                return server;
            } catch (Exception e) {
                last = e;
                attempts.add(provider.name() + ": failed, " + ServerAddress.mask(String.valueOf(e.getMessage())));
                if (configuredServerUnusable(e)) break;
            }
        }
        throw new NoPostgresAvailableException(attempts, last);
    }

    /**
     * A server URL someone configured is the server they want rehearsed on (its version, extensions, settings): when it
     * cannot be reached, refuses the login or holds user tables, the run fails with that reason rather than quietly
     * rehearsing on a container or embedded Postgres. A server of another major version than a class asks for is
     * different: another provider may serve that version, as the refusal itself suggests.
     */
    private static boolean configuredServerUnusable(Exception e) {
        return e instanceof ExternalServerException || e instanceof NonEmptyDatabaseException;
    }
}
