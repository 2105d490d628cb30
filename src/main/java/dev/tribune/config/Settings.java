package dev.tribune.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Start-up settings from TRIBUNE_* environment variables, overridden by command-line flags. */
public record Settings(int port, String bind, String database, String baseUrl, String secret,
                       List<String> trustedProxies) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_DATABASE = "sqlite:tribune.db";

    /** A setting that cannot be used; its message is one line a person can act on. */
    public static final class BadSetting extends RuntimeException {
        public BadSetting(String message) { super(message); }
    }

    /** Reads settings; flag values (may be null) win over the environment. */
    public static Settings resolve(Map<String, String> env, Integer portFlag, String bindFlag, String databaseFlag,
                                   String baseUrlFlag, String secretFlag, String trustedProxiesFlag) {
        int port = portFlag != null ? portFlag : parsePort(env.get("TRIBUNE_PORT"));
        String bind = pick(bindFlag, env.get("TRIBUNE_BIND"), "0.0.0.0");
        String database = pick(databaseFlag, env.get("TRIBUNE_DATABASE"), DEFAULT_DATABASE);
        String baseUrl = pick(baseUrlFlag, env.get("TRIBUNE_BASE_URL"), null);
        String secret = pick(secretFlag, env.get("TRIBUNE_SECRET"), null);
        String proxies = pick(trustedProxiesFlag, env.get("TRIBUNE_TRUSTED_PROXIES"), "");

        if (port < 0 || port > 65535) throw new BadSetting("TRIBUNE_PORT must be between 0 and 65535, got " + port);
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new BadSetting("TRIBUNE_BIND is not an address this machine can listen on: " + bind);
        }
        checkDatabase(database);
        if (baseUrl != null) {
            baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            try {
                URI u = URI.create(baseUrl);
                if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new BadSetting("TRIBUNE_BASE_URL must be an http or https URL like https://comments.example.org, got " + baseUrl);
            }
        }
        if (secret != null && secret.length() < 16) {
            throw new BadSetting("TRIBUNE_SECRET must be at least 16 characters long");
        }
        List<String> trusted = new ArrayList<>();
        for (String p : proxies.split(",")) {
            String t = p.strip();
            if (t.isEmpty()) continue;
            if (!t.matches("[0-9a-fA-F:.]+(/\\d{1,3})?")) {
                throw new BadSetting("TRIBUNE_TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges, got " + t);
            }
            trusted.add(t);
        }
        return new Settings(port, bind, database, baseUrl, secret, List.copyOf(trusted));
    }

    public static Settings fromEnvironment() {
        return resolve(System.getenv(), null, null, null, null, null, null);
    }

    public boolean secureCookies() {
        return baseUrl != null && baseUrl.startsWith("https:");
    }

    public Settings withPort(int newPort) {
        return new Settings(newPort, bind, database, baseUrl, secret, trustedProxies);
    }

    public Settings withDatabase(String db) {
        checkDatabase(db);
        return new Settings(port, bind, db, baseUrl, secret, trustedProxies);
    }

    /** Refuses a TRIBUNE_DATABASE value that is neither sqlite:PATH nor a PostgreSQL URL. */
    public static void checkDatabase(String database) {
        if (database.startsWith("sqlite:")) {
            if (database.length() == "sqlite:".length()) throw new BadSetting("TRIBUNE_DATABASE sqlite: needs a file path, e.g. sqlite:tribune.db");
            return;
        }
        if (database.startsWith("postgresql://") || database.startsWith("postgres://") || database.startsWith("jdbc:postgresql:")) return;
        throw new BadSetting("TRIBUNE_DATABASE must be sqlite:PATH or a PostgreSQL URL (postgresql://user@host:port/db), got " + database);
    }

    private static int parsePort(String v) {
        if (v == null || v.isBlank()) return DEFAULT_PORT;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new BadSetting("TRIBUNE_PORT must be a number, got " + v);
        }
    }

    private static String pick(String flag, String env, String fallback) {
        if (flag != null && !flag.isBlank()) return flag.strip();
        if (env != null && !env.isBlank()) return env.strip();
        return fallback;
    }
}
