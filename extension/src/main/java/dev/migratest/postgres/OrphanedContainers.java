package dev.migratest.postgres;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Containers whose JVM died without stopping them (killed, crashed). Testcontainers' Ryuk would remove them, but it is
 * off on podman and on many CI machines, and without it such a container runs until someone removes it by hand. Each
 * container migratest starts carries its owner's labels ({@link ContainerOwner}); before starting one, migratest
 * removes — forcibly, with its anonymous volumes — the containers whose owner ran on this host and is gone. Nothing
 * else is touched: a container without complete owner labels, one of another host or pid namespace, one whose owner
 * still runs, and one kept on purpose for a person to inspect (renamed {@value #KEPT_PREFIX}…, see
 * {@link #markKept}).
 */
final class OrphanedContainers {
    /** The name a kept container gets: visible in {@code docker ps}, and read by the sweep from the same listing. */
    static final String KEPT_PREFIX = "migratest-kept-";
    private static final System.Logger LOG = System.getLogger(OrphanedContainers.class.getName());

    /** What one sweep did: the containers removed, and the orphans it could not remove, with why. */
    record Result(List<String> removed, List<String> notRemoved) {
        /** The line logged when something was removed. */
        String summary() {
            return "migratest removed " + removed.size() + " container" + (removed.size() == 1 ? "" : "s")
                    + " left running by a JVM on this host that ended without stopping it: " + String.join("; ", removed);
        }
    }

    private OrphanedContainers() {
    }

    /**
     * Removes the orphaned containers {@code docker} can see, as judged by {@code here} (this JVM); never throws: a
     * sweep that fails costs at most a leftover container, never the run.
     */
    static Result sweep(DockerClient docker, ContainerOwner here) {
        List<String> removed = new ArrayList<>();
        List<String> notRemoved = new ArrayList<>();
        List<Container> labelled;
        try {
            labelled = docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(ContainerOwner.HOST)).exec();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not look for containers left by killed JVMs: " + e);
            return new Result(List.of(), List.of());
        }
        for (Container container : labelled) {
            Optional<ContainerOwner> owner = ContainerOwner.fromLabels(container.getLabels());
            if (owner.isEmpty() || kept(container)) continue;
            ContainerOwner.Verdict verdict = owner.get().verdict(here);
            if (!verdict.orphaned()) continue;
            String described = describe(container) + ", " + owner.get().describe() + ": "
                    + (verdict == ContainerOwner.Verdict.PID_REUSED ? "its pid now belongs to a later process" : "gone");
            try {
                docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                removed.add(described);
            } catch (NotFoundException alreadyGone) {
                // another run sweeping at the same moment was quicker, or Ryuk: gone is what was wanted
            } catch (RuntimeException e) {
                notRemoved.add(described + ": " + e.getMessage());
            }
        }
        Result result = new Result(List.copyOf(removed), List.copyOf(notRemoved));
        if (!removed.isEmpty()) LOG.log(System.Logger.Level.INFO, result.summary());
        if (!notRemoved.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "migratest could not remove these containers left by killed JVMs: "
                    + String.join("; ", notRemoved));
        }
        return result;
    }

    /**
     * Marks a container as kept for inspection, so that no later run takes it for an orphan once its JVM has ended.
     * Labels are fixed when a container is created, so the mark is its name: renaming is one call, shows in
     * {@code docker ps}, and the sweep reads names from the listing it already makes.
     */
    static String markKept(DockerClient docker, String containerId) {
        String name = KEPT_PREFIX + shortId(containerId);
        docker.renameContainerCmd(containerId).withName(name).exec();
        return name;
    }

    static boolean kept(Container container) {
        String[] names = container.getNames();
        return names != null && Arrays.stream(names).anyMatch(n -> n != null
                && (n.startsWith(KEPT_PREFIX) || n.startsWith("/" + KEPT_PREFIX)));
    }

    private static String describe(Container container) {
        return "container " + shortId(container.getId()) + " (" + container.getImage() + ", " + container.getState() + ")";
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
