package dev.tribune;

import dev.tribune.config.Settings;
import dev.tribune.discussion.CommentWriter;
import dev.tribune.discussion.Discussions;
import dev.tribune.discussion.ThreadReader;
import dev.tribune.discussion.Votes;
import dev.tribune.identity.Accounts;
import dev.tribune.identity.Signer;
import dev.tribune.identity.StaffSessions;
import dev.tribune.moderation.Pipeline;
import dev.tribune.publishing.Newsroom;
import dev.tribune.publishing.Sites;
import dev.tribune.store.Database;
import dev.tribune.web.AdminPages;
import dev.tribune.web.ApiV1;
import dev.tribune.web.ArticlePages;
import dev.tribune.web.ClientAddress;
import dev.tribune.web.Problems;
import dev.tribune.web.StaffPages;
import dev.tribune.web.Templates;
import dev.tribune.web.ThreadCache;
import dev.tribune.web.Visitors;
import dev.tribune.web.WebServer;

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
    private WebServer web;

    public App(Settings settings) {
        this.settings = settings;
        this.db = Database.open(settings.database());
        this.sites = new Sites(db);
        this.newsroom = new Newsroom(db, discussionId -> { });
        this.discussions = new Discussions(db);
        this.threads = new ThreadReader(db);
        this.comments = new CommentWriter(db, Pipeline.standard(), discussionId -> { });
        this.votes = new Votes(db);
        this.accounts = new Accounts(db);
        this.sessions = new StaffSessions(db, accounts);
        this.signer = Signer.forInstallation(db, settings.secret());
    }

    /** Starts the web server; returns the port it listens on. */
    public int serve() {
        Templates templates = new Templates();
        Visitors visitors = new Visitors(sites, sessions, signer, new ClientAddress(settings.trustedProxies()), settings.secureCookies());
        Problems problems = new Problems(visitors, templates);
        ThreadCache threadCache = new ThreadCache();
        web = new WebServer(settings.bind(), settings.port(), problems, List.of(
                new ArticlePages(newsroom, discussions, threads, comments, votes, visitors, templates, threadCache),
                new ApiV1(newsroom, discussions, threads, comments, votes, visitors),
                new StaffPages(accounts, sessions, visitors, templates, settings.secureCookies()),
                new AdminPages(newsroom, discussions, comments, db, visitors, templates)
        )).start();
        return web.port();
    }

    @Override
    public void close() {
        if (web != null) web.close();
        db.close();
    }
}
