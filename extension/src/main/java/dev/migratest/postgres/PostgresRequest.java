package dev.migratest.postgres;

/**
 * Which Postgres a test asked for: nothing in particular, a major version ({@code "16"}), or a container image
 * ({@code "postgres:16-alpine"}, {@code "localhost/my-postgres:17"}).
 *
 * @param major the major version asked for, or {@code null}
 * @param image the container image asked for, or {@code null}
 */
public record PostgresRequest(String major, String image) {
    public static final PostgresRequest ANY = new PostgresRequest(null, null);

    /** Reads {@code "16"}, {@code "postgres:16"}, or blank for {@link #ANY}. */
    public static PostgresRequest parse(String text) {
        if (text == null || text.isBlank()) return ANY;
        String value = text.trim();
        if (value.contains(":") || value.contains("/")) return new PostgresRequest(null, value);
        return new PostgresRequest(value, null);
    }

    public boolean any() {
        return major == null && image == null;
    }

    /** How the request reads in names and messages: {@code "16"}, the image, or {@code "default"}. */
    public String label() {
        return image != null ? image : major != null ? major : "default";
    }

    @Override
    public String toString() {
        return label();
    }
}
