package dev.tribune;

import dev.tribune.config.Settings;
import dev.tribune.demo.BenchNewsroom;
import dev.tribune.demo.DemoNewsroom;
import dev.tribune.domain.Account;
import dev.tribune.domain.Commenters;
import dev.tribune.domain.Refusal;
import dev.tribune.domain.Role;
import dev.tribune.domain.Site;
import dev.tribune.portability.CopyReport;
import dev.tribune.portability.DatabaseCopy;
import dev.tribune.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The command line: serve, demo, site and user administration, migrate-db. Data goes to stdout, everything else to stderr. */
@Command(name = "tribune", mixinStandardHelpOptions = true, version = "Tribune 0.1",
        description = "Self-hosted discussions for news sites.%n"
                + "Settings come from TRIBUNE_* environment variables; each has a flag that wins over it.",
        subcommands = {Tribune.Serve.class, Tribune.Demo.class, Tribune.SiteCommand.class, Tribune.UserCommand.class,
                Tribune.MigrateDb.class, Tribune.BenchSeed.class, CommandLine.HelpCommand.class})
public final class Tribune {

    /** Settings shared by every command that opens the database or serves. */
    static class SettingFlags {
        @Option(names = "--port", description = "Port to listen on (TRIBUNE_PORT, default 8080).")
        Integer port;
        @Option(names = "--bind", description = "Address to listen on (TRIBUNE_BIND, default 0.0.0.0).")
        String bind;
        @Option(names = "--database", description = "sqlite:PATH or a PostgreSQL URL (TRIBUNE_DATABASE, default sqlite:tribune.db).")
        String database;
        @Option(names = "--base-url", description = "Public URL of this Tribune, e.g. https://comments.example.org (TRIBUNE_BASE_URL).")
        String baseUrl;
        @Option(names = "--secret", description = "Signing secret, 16+ characters (TRIBUNE_SECRET; generated and kept in the database when unset).")
        String secret;
        @Option(names = "--trusted-proxies", description = "Comma-separated proxy addresses/CIDRs whose X-Forwarded-For is believed (TRIBUNE_TRUSTED_PROXIES).")
        String trustedProxies;
        @Option(names = "--smtp-url", description = "SMTP server for readers' emails, smtp://user:pass@host:587 or smtps://… (TRIBUNE_SMTP_URL; unset: emails are logged).")
        String smtpUrl;
        @Option(names = "--mail-from", description = "From address of readers' emails, e.g. 'The Gazette <comments@example.org>' (TRIBUNE_MAIL_FROM).")
        String mailFrom;

        Settings settings() {
            return Settings.resolve(System.getenv(), port, bind, database, baseUrl, secret, trustedProxies, smtpUrl, mailFrom);
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve an existing database.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin SettingFlags flags = new SettingFlags();

        @Override
        public Integer call() throws Exception {
            try (App app = new App(flags.settings())) {
                if (app.sites.all().isEmpty()) {
                    System.err.println("tribune: this database has no site yet; add one with './tribune site add --host H --name N', or run './tribune demo'.");
                    return 2;
                }
                int port = app.serve();
                System.err.println("Tribune is serving " + app.db.description() + " on http://localhost:" + port + "/");
                awaitShutdown();
            }
            return 0;
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Create (or reuse) an SQLite file with the demo newsroom and serve it on http://localhost:8080.")
    static final class Demo implements Callable<Integer> {
        @CommandLine.Mixin SettingFlags flags = new SettingFlags();

        @Override
        public Integer call() throws Exception {
            if (flags.database == null && System.getenv("TRIBUNE_DATABASE") == null) flags.database = "sqlite:data/demo.db";
            try (App app = new App(flags.settings())) {
                boolean fresh = app.sites.all().isEmpty();
                if (fresh) System.err.println("tribune: seeding the demo newsroom ...");
                Site site = new DemoNewsroom(app).seed();
                String email = "admin@demo.tribune.local";
                String password = "tribune-demo-admin";
                if (app.accounts.byEmail(site.id(), email).isEmpty()) {
                    app.accounts.add(site.id(), email, "Demo Editor", Role.ADMIN, password, null);
                }
                int port = app.serve();
                System.err.println();
                System.err.println("  " + site.name() + " is open at http://localhost:" + port + "/");
                System.err.println("  Admin console: http://localhost:" + port + "/admin");
                System.err.println("  Demo admin login: " + email + " / " + password);
                System.err.println("  Database: " + app.db.description());
                System.err.println();
                awaitShutdown();
            }
            return 0;
        }
    }

    @Command(name = "bench-seed", hidden = true, mixinStandardHelpOptions = true,
            description = "Generate the benchmark newsroom into an empty database (used by bench/run).")
    static final class BenchSeed implements Callable<Integer> {
        @CommandLine.Mixin SettingFlags flags = new SettingFlags();
        @Option(names = "--articles", defaultValue = "100") int articles;
        @Option(names = "--total", defaultValue = "1000000", description = "Comments over the whole site.") int total;
        @Option(names = "--seed", defaultValue = "42") long seed;
        @Option(names = "--print-version", description = "Print the generator version and exit.") boolean printVersion;

        @Override
        public Integer call() {
            if (printVersion) {
                System.out.println(BenchNewsroom.VERSION);
                return 0;
            }
            long t0 = System.nanoTime();
            try (App app = new App(flags.settings())) {
                for (BenchNewsroom.Thread t : new BenchNewsroom(app, seed).seed(articles, total)) {
                    System.out.println(t.role() + " " + t.slug() + " " + t.discussionId() + " " + t.comments());
                }
            }
            System.err.printf("tribune: generated %,d comments over %d articles in %.1f s%n", total, articles,
                    (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }

    @Command(name = "site", mixinStandardHelpOptions = true, description = "Manage sites.",
            subcommands = {SiteCommand.Add.class, SiteCommand.ListSites.class, SiteCommand.Origins.class, SiteCommand.Guests.class, SiteCommand.SsoSecret.class, SiteCommand.SsoKey.class, SiteCommand.Commenting.class,
                    SiteCommand.ProviderAdd.class, SiteCommand.ApiKey.class})
    static final class SiteCommand {
        /** The site a command names by host, or a clear refusal. */
        static Site site(App app, String host) {
            return app.sites.byExactHost(host).orElseThrow(() -> new Refusal(404, "unknown-site",
                    "There is no site with host " + host + " (see './tribune site list', or add it with './tribune site add')."));
        }

        static void print(Site s) {
            System.out.println("site " + s.id() + " " + s.host() + " " + s.name()
                    + " | commenting " + s.commenting().db()
                    + " | origins " + (s.allowedOrigins().isEmpty() ? "(none)" : String.join(" ", s.allowedOrigins())));
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "List sites with their embedding origins.")
        static final class ListSites implements Callable<Integer> {
            @CommandLine.Mixin SettingFlags flags = new SettingFlags();

            @Override
            public Integer call() {
                try (App app = new App(flags.settings())) {
                    app.sites.all().forEach(SiteCommand::print);
                }
                return 0;
            }
        }

        @Command(name = "origins", mixinStandardHelpOptions = true,
                description = "Show or change the origins whose pages may embed a site's discussions (embed.js, count.js).")
        static final class Origins implements Callable<Integer> {
            @CommandLine.Mixin SettingFlags flags = new SettingFlags();
            @Option(names = "--site", required = true, description = "Host of the site.") String siteHost;
            @Option(names = "--add", description = "Allow an origin, e.g. https://news.example.org (repeatable).") java.util.List<String> add = new java.util.ArrayList<>();
            @Option(names = "--remove", description = "Stop allowing an origin (repeatable).") java.util.List<String> remove = new java.util.ArrayList<>();

            @Override
            public Integer call() {
                try (App app = new App(flags.settings())) {
                    Site s = site(app, siteHost);
                    for (String o : add) s = app.sites.allowOrigin(s.id(), o);
                    for (String o : remove) s = app.sites.disallowOrigin(s.id(), o);
                    print(s);
                }
                return 0;
            }
        }

        @Command(name = "guests", hidden = true, mixinStandardHelpOptions = true,
                description = "Deprecated: use 'site commenting --who anyone|accounts|subscribers'.")
        static final class Guests implements Callable<Integer> {
            @CommandLine.Mixin SettingFlags flags = new SettingFlags();
            @Option(names = "--site", required = true, description = "Host of the site.") String siteHost;
            @CommandLine.Parameters(arity = "1", description = "on or off") String onOff;

            @Override
            public Integer call() {
                if (!onOff.equals("on") && !onOff.equals("off")) throw Refusal.invalid("guests", "Say 'on' or 'off', not '" + onOff + "'.");
                try (App app = new App(flags.settings())) {
                    Site s = site(app, siteHost);
                    // "off" keeps a subscribers-only site as it is: it already takes no guests.
                    Commenters who = onOff.equals("on") ? Commenters.ANYONE
                            : s.commenting() == Commenters.ANYONE ? Commenters.ACCOUNTS : s.commenting();
                    System.err.println("tribune: 'site guests' is deprecated; use: tribune site commenting --site " + s.host()
                            + " --who " + who.db());
                    print(app.sites.setCommenting(s.id(), who));
                }
                return 0;
            }
        }


        @Command(name = "sso-secret", mixinStandardHelpOptions = true,
                description = "Make a new HS256 secret for the site's SSO tokens and print it (the old one stops working).")
        static final class SsoSecret implements Callable<Integer> {
            @CommandLine.Mixin SettingFlags flags = new SettingFlags();
            @Option(names = "--site", required = true, description = "Host of the site.") String host;

            @Override
            public Integer call() {
                try (App app = new App(flags.settings())) {
                    System.out.println(app.signOn.newSsoSecret(site(app, host).id()));
                }
                return 0;
            }
        }

        @Command(name = "sso-key", mixinStandardHelpOptions = true,
                description = "Accept RS256/ES256 SSO tokens signed with a public key (a PEM file or a JWKS URL); optionally require an issuer.")
        static final class SsoKey implements Callable<Integer> {
            @CommandLine.Mixin SettingFlags flags = new SettingFlags();
            @Option(names = "--site", required = true, description = "Host of the site.") String host;
            @Option(names = "--pem", description = "File with the public key in PEM form.") java.nio.file.Path pem;
            @Option(names = "--jwks-url", description = "URL of the host site's JWKS.") String jwksUrl;
            @Option(names = "--issuer", description = "The iss claim tokens must carry.") String issuer;

            @Override
            public Integer call() throws Exception {
                try (App app = new App(flags.settings())) {
                    Site s = site(app, host);
                    var old = app.signOn.ssoKeys(s.id());
                    String key = pem == null ? old.publicKeyPem() : java.nio.file.Files.readString(pem);
                    app.signOn.setSsoKeys(s.id(), new dev.tribune.identity.SiteSignOn.SsoKeys(old.secret(), key,
                            jwksUrl == null ? old.jwksUrl() : jwksUrl, issuer == null ? old.issuer() : issuer));
                    System.out.println("sso keys of " + s.host() + " updated");
                }
                return 0;
            }
        }

        @Command(name = "commenting", mixinStandardHelpOptions = true,
                description = "Choose who may comment on the site (pages, API and embed alike): anyone (guests and signed-in readers), "
                        + "accounts (signed-in readers only), or subscribers.")
        static final class Commenting implements Callable<Integer> {
            @CommandLine.Mixin SettingFlags flags = new SettingFlags();
            @Option(names = "--site", required = true, description = "Host of the site.") String host;
            @Option(names = "--who", required = true, description = "anyone, accounts or subscribers.") String who;

            @Override
            public Integer call() {
                try (App app = new App(flags.settings())) {
                    Site s = site(app, host);
                    print(app.sites.setCommenting(s.id(), Commenters.parse(who)));
                }
                return 0;
            }
        }

        @Command(name = "provider", mixinStandardHelpOptions = true,
                description = "Add (or change) an OpenID Connect provider or GitHub for readers' sign-in. "
                        + "Register https://HOST/account/providers/NAME/callback as its redirect URI.")
        static final class ProviderAdd implements Callable<Integer> {
            @CommandLine.Mixin SettingFlags flags = new SettingFlags();
            @Option(names = "--site", required = true, description = "Host of the site.") String host;
            @Option(names = "--name", required = true, description = "Short name used in URLs, e.g. google.") String name;
            @Option(names = "--kind", defaultValue = "oidc", description = "oidc (default) or github.") String kind;
            @Option(names = "--label", description = "Shown as 'Sign in with LABEL'.") String label;
            @Option(names = "--issuer", description = "OpenID issuer URL (discovery at ISSUER/.well-known/openid-configuration).") String issuer;
            @Option(names = "--client-id", required = true) String clientId;
            @Option(names = "--client-secret", required = true) String clientSecret;

            @Override
            public Integer call() {
                try (App app = new App(flags.settings())) {
                    Site s = site(app, host);
                    var p = app.signOn.addProvider(s.id(), name, kind, label, issuer, clientId, clientSecret);
                    System.out.println("provider " + p.name() + " (" + p.kind() + ", " + p.issuer() + ") on " + s.host()
                            + "; redirect URI: https://" + s.host() + "/account/providers/" + p.name() + "/callback");
                }
                return 0;
            }
        }

        @Command(name = "api-key", mixinStandardHelpOptions = true,
                description = "Make an API key for the Perspective-compatible endpoint (POST /v1alpha1/comments:analyze) and print it once; "
                        + "or list the site's keys, or revoke one. A key can score text, nothing else.")
        static final class ApiKey implements Callable<Integer> {
            @CommandLine.Mixin SettingFlags flags = new SettingFlags();
            @Option(names = "--site", required = true, description = "Host of the site.") String host;
            @Option(names = "--per-minute", defaultValue = "60", description = "Requests the key may make per minute (default: ${DEFAULT-VALUE}).") int perMinute;
            @Option(names = "--list", description = "List the site's keys by their first characters.") boolean list;
            @Option(names = "--revoke", paramLabel = "KEY", description = "Revoke a key, given whole or by the first characters --list shows.") String revoke;

            @Override
            public Integer call() {
                try (App app = new App(flags.settings())) {
                    Site s = site(app, host);
                    if (revoke != null) {
                        var k = app.apiKeys.revoke(s.id(), revoke);
                        System.out.println("revoked " + k.prefix() + "… of " + s.host());
                    } else if (list) {
                        if (app.apiKeys.list(s.id()).isEmpty()) System.err.println(s.host() + " has no API keys.");
                        for (var k : app.apiKeys.list(s.id())) {
                            System.out.println(k.prefix() + "… " + k.perMinute() + "/min created " + java.time.Instant.ofEpochMilli(k.createdAt()));
                        }
                    } else {
                        var made = app.apiKeys.create(s.id(), perMinute);
                        System.out.println(made.secret());
                        System.err.println("API key for " + s.host() + " (" + perMinute + " requests/min); it is shown only now, keep it safe.");
                    }
                }
                return 0;
            }
        }

        @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a site served under a host name.")
        static final class Add implements Callable<Integer> {
            @CommandLine.Mixin SettingFlags flags = new SettingFlags();
            @Option(names = "--host", required = true, description = "Host name readers use, e.g. news.example.org.") String host;
            @Option(names = "--name", required = true, description = "The site's name, e.g. 'The Harbour Gazette'.") String name;

            @Override
            public Integer call() {
                try (App app = new App(flags.settings())) {
                    Site s = app.sites.add(host, name);
                    System.out.println("site " + s.id() + " " + s.host() + " " + s.name());
                }
                return 0;
            }
        }
    }

    @Command(name = "user", mixinStandardHelpOptions = true, description = "Manage staff accounts.", subcommands = UserCommand.Add.class)
    static final class UserCommand {
        @Command(name = "add", mixinStandardHelpOptions = true,
                description = "Add a staff account; the password is read from a prompt, or from stdin when piped.")
        static final class Add implements Callable<Integer> {
            @CommandLine.Mixin SettingFlags flags = new SettingFlags();
            @Option(names = "--site", required = true, description = "Host of the site.") String siteHost;
            @Option(names = "--email", required = true) String email;
            @Option(names = "--role", required = true, description = "admin, moderator or journalist.") String role;
            @Option(names = "--name", description = "Display name (default: the part of the email before @).") String name;
            @Option(names = "--author", description = "Slug of the author byline this journalist writes under.") String author;

            @Override
            public Integer call() throws Exception {
                Role r = Role.parse(role);
                try (App app = new App(flags.settings())) {
                    Site site = SiteCommand.site(app, siteHost);
                    Long authorId = null;
                    if (author != null) {
                        authorId = app.newsroom.author(site.id(), author).orElseThrow(() -> new Refusal(404, "unknown-author",
                                "There is no author '" + author + "' on " + site.host() + ".")).id();
                    }
                    Account a = app.accounts.add(site.id(), email, name, r, readPassword(), authorId);
                    System.out.println("account " + a.id() + " " + a.email() + " " + a.role().db() + " on " + site.host());
                }
                return 0;
            }

            private static String readPassword() throws Exception {
                Console console = System.console();
                if (console != null) {
                    char[] p = console.readPassword("Password: ");
                    char[] again = console.readPassword("Again: ");
                    if (p == null || !new String(p).equals(new String(again))) throw new Refusal(400, "mismatch", "The passwords differ.");
                    return new String(p);
                }
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) throw new Refusal(400, "no-password", "No password on stdin.");
                return line;
            }
        }
    }

    @Command(name = "migrate-db", mixinStandardHelpOptions = true,
            description = {"Copy a whole newsroom to another database (e.g. SQLite to PostgreSQL), keeping every id, "
                    + "then compare row counts and a checksum per table on both sides; exits 1 when they differ.",
                    "Stop Tribune on the source first. Safe to re-run: rows are upserted by primary key, and a target "
                    + "holding another newsroom is refused."})
    static final class MigrateDb implements Callable<Integer> {
        @Option(names = "--from", required = true, description = "The database to copy: sqlite:PATH or a PostgreSQL URL.") String from;
        @Option(names = "--to", required = true, description = "The database to fill: a PostgreSQL URL "
                + "(postgresql://user:password@host:5432/db); created tables come from its migrations.") String to;

        @Override
        public Integer call() {
            Settings.checkDatabase(from);
            Settings.checkDatabase(to);
            if (from.equals(to)) throw new Refusal(400, "same-database", "--from and --to name the same database.");
            if (from.startsWith("sqlite:") && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(from.substring("sqlite:".length())))) {
                throw new Refusal(404, "no-source", "There is no SQLite file at " + from.substring("sqlite:".length()) + ".");
            }
            try (Database source = Database.open(from); Database target = Database.open(to)) {
                CopyReport report = new DatabaseCopy(source, target, System.err).run();
                System.out.print(report.text());
                System.err.println(report.matches() ? "tribune: every table has the same rows on both sides."
                        : "tribune: the copy differs from the source (see DIFFERENT above); the target may hold rows the source no longer has.");
                return report.matches() ? 0 : 1;
            }
        }
    }

    private static void awaitShutdown() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(done::countDown));
        done.await();
    }

    public static void main(String[] args) {
        // Helidon logs through java.util.logging; keep its start-up chatter out of the way.
        java.util.logging.Logger.getLogger("io.helidon").setLevel(java.util.logging.Level.WARNING);
        System.exit(commandLine().execute(args));
    }

    /** The whole command line, moderation commands included; errors become one line on stderr and an exit code. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Tribune());
        cli.addSubcommand("moderation", dev.tribune.moderation.ModerationCommand.commandLine());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof Settings.BadSetting bad) {
                System.err.println("tribune: " + bad.getMessage());
                return 2;
            }
            if (ex instanceof Refusal r) {
                System.err.println("tribune: " + r.detail());
                return 1;
            }
            Throwable root = ex;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            System.err.println("tribune: " + ex.getMessage() + (root != ex ? " (" + root.getMessage() + ")" : ""));
            return 1;
        });
        cli.setOut(new java.io.PrintWriter(System.err, true));
        return cli;
    }
}
