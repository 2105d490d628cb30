package dev.tribune;

import dev.tribune.config.Settings;
import dev.tribune.discussion.CommentWriter;
import dev.tribune.discussion.Discussions;
import dev.tribune.discussion.ThreadReader;
import dev.tribune.discussion.Votes;
import dev.tribune.identity.Accounts;
import dev.tribune.identity.Signer;
import dev.tribune.identity.StaffSessions;
import dev.tribune.live.Bridge;
import dev.tribune.live.EventFeed;
import dev.tribune.live.Hub;
import dev.tribune.live.LiveSettings;
import dev.tribune.live.LocalBridge;
import dev.tribune.live.PostgresBridge;
import dev.tribune.moderation.Pipeline;
import dev.tribune.publishing.Newsroom;
import dev.tribune.publishing.Sites;
import dev.tribune.store.Database;
import dev.tribune.web.AdminPages;
import dev.tribune.web.ApiV1;
import dev.tribune.web.ArticlePages;
import dev.tribune.web.ClientAddress;
import dev.tribune.web.LiveStreams;
import dev.tribune.web.Problems;
import dev.tribune.web.StaffPages;
import dev.tribune.web.Templates;
import dev.tribune.web.Visitors;
import dev.tribune.web.WebServer;

import java.sql.DriverManager;
import java.util.List;

/** Wires Tribune together by hand: store, feature services, then the web layer on top. */
public final class App implements AutoCloseable {
    public final Settings settings;
    public final Database db;
    public final Sites sites;
    public final Newsroom newsroom;
    public final Discussions discussions;
    public final ThreadReader threads;
    public final CommentWriter comments;
    public final Votes votes;
    public final Accounts accounts;
    public final StaffSessions sessions;
    public final Signer signer;
    public final Hub live;
    private WebServer web;

    public App(Settings settings) {
        this(settings, LiveSettings.fromEnvironment(System.getenv()));
    }

    public App(Settings settings, LiveSettings liveSettings) {
        this.settings = settings;
        this.db = Database.open(settings.database());
        this.live = new Hub(new EventFeed(db), bridge(settings, db), liveSettings);
        this.sites = new Sites(db);
        this.newsroom = new Newsroom(db, live::changed);
        this.discussions = new Discussions(db, live::changed);
        this.threads = new ThreadReader(db);
        this.comments = new CommentWriter(db, Pipeline.standard(), live::changed);
        this.votes = new Votes(db, live::changed);
        this.accounts = new Accounts(db);
        this.sessions = new StaffSessions(db, accounts);
        this.signer = Signer.forInstallation(db, settings.secret());
    }

    /** Starts the web server; returns the port it listens on. */
    public int serve() {
        Templates templates = new Templates();
        Visitors visitors = new Visitors(sites, sessions, signer, new ClientAddress(settings.trustedProxies()), settings.secureCookies());
        Problems problems = new Problems(visitors, templates);
        web = new WebServer(settings.bind(), settings.port(), problems, List.of(
                new ArticlePages(newsroom, discussions, threads, comments, votes, visitors, templates),
                new ApiV1(newsroom, discussions, threads, comments, votes, visitors),
                new LiveStreams(live, discussions, visitors),
                new StaffPages(accounts, sessions, visitors, templates, settings.secureCookies()),
                new AdminPages(newsroom, discussions, comments, db, visitors, templates)
        )).start();
        return web.port();
    }

    /** SQLite means one node; on PostgreSQL the nodes wake each other with LISTEN/NOTIFY. */
    private static Bridge bridge(Settings settings, Database db) {
        if (db.kind() != Database.Kind.POSTGRESQL) return new LocalBridge();
        String jdbc = Database.postgresJdbcUrl(settings.database());
        return new PostgresBridge(db, () -> DriverManager.getConnection(jdbc));
    }

    @Override
    public void close() {
        live.close();
        if (web != null) web.close();
        db.close();
    }
}
