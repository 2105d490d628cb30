package dev.tribune.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Start-up settings from TRIBUNE_* environment variables, overridden by command-line flags. */
public record Settings(int port, String bind, String database, String baseUrl, String secret,
                       List<String> trustedProxies, String smtpUrl, String mailFrom, String models, int agreementDecisions) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_DATABASE = "sqlite:tribune.db";
    /** How many recent moderator decisions the console compares the model with. */
    public static final int DEFAULT_AGREEMENT_DECISIONS = 200;

    /** A setting that cannot be used; its message is one line a person can act on. */
    public static final class BadSetting extends RuntimeException {
        public BadSetting(String message) { super(message); }
    }

    /** Reads settings; flag values (may be null) win over the environment. */
    public static Settings resolve(Map<String, String> env, Integer portFlag, String bindFlag, String databaseFlag,
                                   String baseUrlFlag, String secretFlag, String trustedProxiesFlag) {
        return resolve(env, portFlag, bindFlag, databaseFlag, baseUrlFlag, secretFlag, trustedProxiesFlag, null, null);
    }

    /** Reads settings, mail included; flag values (may be null) win over the environment. */
    public static Settings resolve(Map<String, String> env, Integer portFlag, String bindFlag, String databaseFlag,
                                   String baseUrlFlag, String secretFlag, String trustedProxiesFlag,
                                   String smtpUrlFlag, String mailFromFlag) {
        String smtpUrl = pick(smtpUrlFlag, env.get("TRIBUNE_SMTP_URL"), null);
        String mailFrom = pick(mailFromFlag, env.get("TRIBUNE_MAIL_FROM"), "Tribune <no-reply@localhost>");
        checkMail(smtpUrl, mailFrom);
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
        String models = env.get("TRIBUNE_MODELS") == null || env.get("TRIBUNE_MODELS").isBlank() ? null : env.get("TRIBUNE_MODELS").strip();
        int agreement = parseAgreement(env.get("TRIBUNE_AGREEMENT_DECISIONS"));
        return new Settings(port, bind, database, baseUrl, secret, List.copyOf(trusted), smtpUrl, mailFrom, models, agreement);
    }

    private static int parseAgreement(String v) {
        if (v == null || v.isBlank()) return DEFAULT_AGREEMENT_DECISIONS;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1 && n <= 100_000) return n;
        } catch (NumberFormatException ignored) {
            // falls through to the one message below
        }
        throw new BadSetting("TRIBUNE_AGREEMENT_DECISIONS must be a whole number from 1 to 100000, got " + v);
    }

    /**
     * Where newsroom-trained models live: TRIBUNE_MODELS, else a models folder beside the SQLite
     * file, else (PostgreSQL) a models folder in the working directory.
     */
    public java.nio.file.Path modelsFolder() {
        if (models != null) return java.nio.file.Path.of(models);
        if (database.startsWith("sqlite:")) {
            java.nio.file.Path file = java.nio.file.Path.of(database.substring("sqlite:".length())).toAbsolutePath();
            return file.getParent().resolve("models");
        }
        return java.nio.file.Path.of("models").toAbsolutePath();
    }

    /** These settings with newsroom models in another folder (null: the default beside the database). */
    public Settings withModels(String folder) {
        return new Settings(port, bind, database, baseUrl, secret, trustedProxies, smtpUrl, mailFrom,
                folder == null || folder.isBlank() ? null : folder.strip(), agreementDecisions);
    }

    /** These settings comparing the model with another number of recent decisions. */
    public Settings withAgreementDecisions(int n) {
        return new Settings(port, bind, database, baseUrl, secret, trustedProxies, smtpUrl, mailFrom, models, n);
    }

    private static void checkMail(String smtpUrl, String mailFrom) {
        if (smtpUrl != null) {
            try {
                URI u = URI.create(smtpUrl);
                if (!("smtp".equals(u.getScheme()) || "smtps".equals(u.getScheme())) || u.getHost() == null) throw new IllegalArgumentException();
            } catch (IllegalArgumentException e) {
                throw new BadSetting("TRIBUNE_SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465");
            }
        }
        if (!mailFrom.matches("(.*<)?[^@\\s<>]+@[^@\\s<>]+>?")) {
            throw new BadSetting("TRIBUNE_MAIL_FROM must be an address like comments@example.org or 'The Gazette <comments@example.org>', got " + mailFrom);
        }
    }

    /** These settings sending email through another SMTP server (tests point this at their own). */
    public Settings withMail(String newSmtpUrl, String newFrom) {
        checkMail(newSmtpUrl, newFrom);
        return new Settings(port, bind, database, baseUrl, secret, trustedProxies, newSmtpUrl, newFrom, models, agreementDecisions);
    }

    public static Settings fromEnvironment() {
        return resolve(System.getenv(), null, null, null, null, null, null, null, null);
    }

    public boolean secureCookies() {
        return baseUrl != null && baseUrl.startsWith("https:");
    }

    public Settings withPort(int newPort) {
        return new Settings(newPort, bind, database, baseUrl, secret, trustedProxies, smtpUrl, mailFrom, models, agreementDecisions);
    }

    public Settings withDatabase(String db) {
        checkDatabase(db);
        return new Settings(port, bind, db, baseUrl, secret, trustedProxies, smtpUrl, mailFrom, models, agreementDecisions);
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
