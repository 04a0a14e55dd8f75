package dev.migratest.postgres;

/**
 * A run that gets killed: creates a scratch database on the external server given as arguments (url, user,
 * password), prints its name, and waits to be killed. Started as its own JVM by {@link LeftoverSweepIT}.
 */
public final class ScratchHolder {
    private ScratchHolder() {
    }

    public static void main(String[] args) throws Exception {
        PostgresServer server = new ExternalProvider(args[0], args[1], args[2]).start();
        Database database = server.createDatabase("killed");
        System.out.println("created " + database.name());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
