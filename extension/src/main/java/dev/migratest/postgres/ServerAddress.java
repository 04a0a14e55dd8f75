package dev.migratest.postgres;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Postgres server listens and how to log in, so that any database on it can be reached. Parsed from a pgjdbc
 * URL; the password is kept out of {@link #toString()} and of every URL this class prints.
 */
public final class ServerAddress {
    /** pgjdbc's form, and libpq's ({@code postgresql://user:password@host/db}), which people paste from elsewhere. */
    private static final Pattern JDBC_URL = Pattern.compile(
            "(?:jdbc:)?postgres(?:ql)?://(?:([^@/?]*)@)?([^/?@]*)(?:/([^?]*))?(?:\\?(.*))?");

    private final String hostAndPort;
    private final String defaultDatabase;
    private final String user;
    private final String password;
    private final Map<String, String> parameters;

    public ServerAddress(String hostAndPort, String defaultDatabase, String user, String password,
                         Map<String, String> parameters) {
        this.hostAndPort = hostAndPort;
        this.defaultDatabase = defaultDatabase == null || defaultDatabase.isEmpty() ? "postgres" : defaultDatabase;
        this.user = user;
        this.password = password;
        this.parameters = Map.copyOf(parameters);
    }

    /**
     * Reads {@code jdbc:postgresql://host:port/db?user=u&password=p&…} (also {@code jdbc:postgresql://u:p@host/db}
     * and libpq's {@code postgresql://…}); {@code user} and {@code password} given separately win over the URL's
     * parameters, which win over its {@code user:password@} part. That part never becomes part of the host, so it is
     * never printed.
     */
    public static ServerAddress parse(String jdbcUrl, String user, String password) {
        Matcher m = JDBC_URL.matcher(jdbcUrl == null ? "" : jdbcUrl.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: '" + mask(jdbcUrl)
                    + "'; expected jdbc:postgresql://host:port/database?user=…&password=…");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (m.group(4) != null) {
            for (String pair : m.group(4).split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(key, value);
            }
        }
        String infoUser = null;
        String infoPassword = null;
        if (m.group(1) != null) {
            String[] info = m.group(1).split(":", 2);
            infoUser = info[0].isEmpty() ? null : URLDecoder.decode(info[0], StandardCharsets.UTF_8);
            infoPassword = info.length < 2 ? null : URLDecoder.decode(info[1], StandardCharsets.UTF_8);
        }
        String u = firstNonNull(user, params.remove("user"), infoUser);
        String p = firstNonNull(password, params.remove("password"), infoPassword);
        return new ServerAddress(m.group(2), m.group(3), u, p, params);
    }

    private static String firstNonNull(String... values) {
        for (String v : values) if (v != null) return v;
        return null;
    }

    /** The URL of {@code database} on this server, without credentials (they travel as connection properties). */
    public String jdbcUrl(String database) {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(hostAndPort).append('/')
                .append(URLEncoder.encode(database, StandardCharsets.UTF_8));
        String sep = "?";
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            url.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = "&";
        }
        return url.toString();
    }

    /** A URL safe to print: user shown, password replaced by {@code ***}. */
    public String printableUrl(String database) {
        String url = jdbcUrl(database);
        if (user != null) url += (url.contains("?") ? "&" : "?") + "user=" + user;
        if (password != null) url += "&password=***";
        return url;
    }

    public Connection connect(String database) throws SQLException {
        return connect(database, "migratest");
    }

    /** {@code applicationName} shows in {@code pg_stat_activity} to every user of the server. */
    Connection connect(String database, String applicationName) throws SQLException {
        Properties props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        // Statements are sent exactly as written: no JDBC escape processing, no client-side rewriting.
        props.setProperty("ApplicationName", applicationName);
        // Sent in the startup packet, the name becomes the session's default, so the RESET ALL before each phase keeps
        // it; pgjdbc sends it that way only when told the server is 9.0 or later (else a SET, which RESET undoes and
        // which left the migrating session nameless in pg_stat_activity). Every server migratest supports is.
        props.setProperty("assumeMinServerVersion", "9.0");
        // pgjdbc drops every server-prepared statement after any CREATE/ALTER/DROP. Migrations are nothing but DDL,
        // and the catalog snapshot costs ~10 ms to plan: keep it prepared (its result shape never changes).
        props.setProperty("flushCacheOnDdl", "false");
        WaitLimits.apply(props, parameters);
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    /** Whether the URL sets pgjdbc parameter {@code name} itself (e.g. {@code socketTimeout}). */
    public boolean hasParameter(String name) {
        return parameters.containsKey(name);
    }

    public String defaultDatabase() {
        return defaultDatabase;
    }

    public String user() {
        return user;
    }

    /** Whether a password was given (separately or in the URL); the password itself never leaves this class. */
    public boolean hasPassword() {
        return password != null;
    }

    /** Masks {@code password=…} parameters and {@code user:password@} credentials in any text that may hold a URL. */
    public static String mask(String text) {
        if (text == null) return null;
        return text.replaceAll("(?i)(password=)[^&\\s;]*", "$1***")
                // greedy up to the last @ of the authority: an unencoded @ in a password must not leave its tail
                .replaceAll("(//[^/:@\\s]+:)[^/\\s]*@", "$1***@");
    }

    @Override
    public String toString() {
        return printableUrl(defaultDatabase);
    }
}
