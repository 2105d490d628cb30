package dev.tribune;

import dev.tribune.config.Settings;
import dev.tribune.discussion.CommentSearch;
import dev.tribune.discussion.CommentWriter;
import dev.tribune.discussion.Discussions;
import dev.tribune.discussion.RecentComments;
import dev.tribune.discussion.ThreadReader;
import dev.tribune.discussion.Votes;
import dev.tribune.discussion.ReaderComments;
import dev.tribune.domain.Discussion;
import dev.tribune.identity.Accounts;
import dev.tribune.identity.ApiKeys;
import dev.tribune.identity.ProviderSignIn;
import dev.tribune.identity.ReaderMail;
import dev.tribune.identity.ReaderSessions;
import dev.tribune.identity.Readers;
import dev.tribune.identity.SignedLinks;
import dev.tribune.identity.Signer;
import dev.tribune.identity.SiteSignOn;
import dev.tribune.identity.SiteStaff;
import dev.tribune.identity.SsoTokens;
import dev.tribune.identity.StaffSessions;
import dev.tribune.live.Bridge;
import dev.tribune.live.Change;
import dev.tribune.live.EventFeed;
import dev.tribune.live.Hub;
import dev.tribune.live.LiveSettings;
import dev.tribune.live.LocalBridge;
import dev.tribune.live.PostgresBridge;
import dev.tribune.moderation.AuditLog;
import dev.tribune.moderation.Classifiers;
import dev.tribune.moderation.NewsroomModels;
import dev.tribune.moderation.CommentHistory;
import dev.tribune.moderation.Decisions;
import dev.tribune.moderation.ModerationQueue;
import dev.tribune.moderation.ModeratorActions;
import dev.tribune.moderation.ModeratorLabels;
import dev.tribune.moderation.Pipeline;
import dev.tribune.moderation.Policies;
import dev.tribune.moderation.Reports;
import dev.tribune.moderation.Sanctions;
import dev.tribune.moderation.Scorer;
import dev.tribune.perspective.Analyzer;
import dev.tribune.perspective.KeyQuota;
import dev.tribune.publishing.ArticleSearch;
import dev.tribune.notify.Mailer;
import dev.tribune.publishing.Newsroom;
import dev.tribune.publishing.Sites;
import dev.tribune.store.Database;
import dev.tribune.web.AdminAudit;
import dev.tribune.web.AdminSanctions;
import dev.tribune.web.AdminComments;
import dev.tribune.web.AdminModeration;
import dev.tribune.web.AdminPages;
import dev.tribune.web.AdminQueue;
import dev.tribune.web.AdminSites;
import dev.tribune.web.ApiV1;
import dev.tribune.web.ArticleIndex;
import dev.tribune.web.ArticlePages;
import dev.tribune.web.ClientAddress;
import dev.tribune.web.Cors;
import dev.tribune.web.EmbedApi;
import dev.tribune.web.EmbedScripts;
import dev.tribune.web.EmbedSignIn;
import dev.tribune.web.LiveStreams;
import dev.tribune.web.PerspectiveApi;
import dev.tribune.web.Problems;
import dev.tribune.web.ProviderRoutes;
import dev.tribune.web.ReaderAccess;
import dev.tribune.web.ReaderApi;
import dev.tribune.web.ReaderPages;
import dev.tribune.web.ReportRoutes;
import dev.tribune.web.SearchPages;
import dev.tribune.web.StaffPages;
import dev.tribune.web.Templates;
import dev.tribune.web.ThreadCache;
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
    public final SiteStaff siteStaff;
    public final StaffSessions sessions;
    public final Signer signer;
    public final Policies policies;
    public final Decisions decisions;
    public final Sanctions sanctions;
    public final Reports reports;
    public final Hub live;
    public final ArticleSearch articleSearch;
    public final CommentSearch commentSearch;
    public final AuditLog audit;
    public final ModeratorLabels labels;
    public final ModerationQueue queue;
    public final ModeratorActions moderators;
    public final Readers readers;
    public final ReaderSessions readerSessions;
    public final SiteSignOn signOn;
    public final SignedLinks links;
    public final ReaderMail readerMail;
    public final SsoTokens sso;
    public final ProviderSignIn providerSignIn;
    public final ArticleIndex index;
    /** The classifiers posting runs, when they are Tribune's own (tests may score with something else). */
    public final Classifiers classifiers;
    public final ApiKeys apiKeys;
    private WebServer web;

    public App(Settings settings) {
        this(settings, NewsroomModels.of(settings).load(), LiveSettings.fromEnvironment(System.getenv()));
    }

    /**
     * An app whose moderation pipeline scores comments with the given classifier and whose live
     * streams follow the given limits.
     */
    public App(Settings settings, Scorer scorer, LiveSettings liveSettings) {
        this.settings = settings;
        this.classifiers = scorer instanceof Classifiers c ? c : null;
        this.db = Database.open(settings.database());
        this.live = new Hub(new EventFeed(db), bridge(settings, db), liveSettings);
        this.sites = new Sites(db, () -> live.changed(Change.SITES));
        this.newsroom = new Newsroom(db, this::articleChanged);
        this.discussions = new Discussions(db, this::changed);
        this.index = new ArticleIndex(newsroom, discussions);
        this.threads = new ThreadReader(db);
        this.policies = new Policies(db, siteId -> live.changed(Change.policy(siteId)));
        live.whenHeard(this::forget);
        this.decisions = new Decisions(db);
        this.signOn = new SiteSignOn(db);
        this.comments = new CommentWriter(db, Pipeline.full(new CommentHistory(db), policies, scorer), this::changed, this::published,
                signOn);
        this.sanctions = new Sanctions(db, comments);
        this.reports = new Reports(db, policies, comments);
        this.audit = new AuditLog(db);
        this.labels = new ModeratorLabels(db);
        this.queue = new ModerationQueue(db, policies);
        this.moderators = new ModeratorActions(db, comments, sanctions);
        this.votes = new Votes(db, this::changed);
        this.accounts = new Accounts(db);
        this.siteStaff = new SiteStaff(db, accounts);
        this.sessions = new StaffSessions(db, accounts, siteStaff);
        this.signer = Signer.forInstallation(db, settings.secret());
        this.articleSearch = new ArticleSearch(db);
        this.commentSearch = new CommentSearch(db);
        this.readers = new Readers(db);
        this.readerSessions = new ReaderSessions(db, readers);
        this.links = new SignedLinks(db, signer, java.time.Clock.systemUTC());
        this.readerMail = new ReaderMail(Mailer.of(settings.smtpUrl(), settings.mailFrom()), links);
        this.sso = new SsoTokens(signOn, readers);
        this.providerSignIn = new ProviderSignIn(signer, readers);
        this.apiKeys = new ApiKeys(db);
    }

    /** Starts the web server; returns the port it listens on. */
    public int serve() {
        Templates templates = new Templates();
        Visitors visitors = new Visitors(sites, sessions, readerSessions, signer, new ClientAddress(settings.trustedProxies()),
                settings.secureCookies());
        Problems problems = new Problems(visitors, templates);
        ThreadCache threadCache = new ThreadCache();
        ReaderAccess access = new ReaderAccess(readerSessions, settings.secureCookies());
        EmbedSignIn embedSignIn = new EmbedSignIn(sites, signOn, readers, links, access, templates);
        web = new WebServer(settings.bind(), settings.port(), problems, List.of(
                // The readers' hot paths first: Helidon tries routes in order, and a viral thread's
                // article page and JSON thread should not be matched against every admin route.
                new ArticlePages(newsroom, discussions, threads, comments, votes, visitors, templates, threadCache, index),
                // Cors before any /api or /live route: it answers preflights and marks those answers.
                new Cors(visitors),
                new ApiV1(newsroom, discussions, threads, comments, votes, visitors, threadCache, index),
                new EmbedScripts(),
                new EmbedApi(sites, discussions, signOn, visitors),
                embedSignIn,
                new ReportRoutes(reports, visitors),
                new SearchPages(articleSearch, commentSearch, visitors, templates),
                new ReaderApi(readers, sso, readerMail, access, visitors),
                new ReaderPages(readers, readerMail, links, signOn, new ReaderComments(db), access, visitors, templates),
                new ProviderRoutes(signOn, providerSignIn, access, visitors, embedSignIn),
                new LiveStreams(live, discussions, visitors),
                new StaffPages(siteStaff, sessions, visitors, templates, settings.secureCookies()),
                new AdminPages(newsroom, discussions, comments, db, visitors, templates),
                new AdminComments(new RecentComments(db), commentSearch, moderators, visitors, templates),
                new AdminQueue(queue, moderators, visitors, templates),
                new AdminAudit(audit, visitors, templates),
                new AdminSanctions(sanctions, moderators, visitors, templates),
                new AdminModeration(policies, audit, classifiers, labels, settings.agreementDecisions(), visitors, templates),
                new AdminSites(sites, signOn, siteStaff, policies, audit, visitors, templates),
                // the Perspective-compatible scoring endpoint; its models load on its first request
                new PerspectiveApi(apiKeys, new KeyQuota(java.time.Clock.systemUTC()),
                        () -> classifiers != null ? Analyzer.over(classifiers) : Analyzer.shipped()),
                // Last: any other /api/ path is answered 404 with a pointer to the API's documentation.
                ApiV1.unknownEndpoints()
        )).start();
        return web.port();
    }

    /** After a committed change to a discussion: forget what the read path remembers of it, then tell live streams. */
    private void changed(long discussionId) {
        index.discussionChanged(discussionId);
        live.changed(discussionId);
    }

    /** After a comment's publication committed: the read path takes the discussion as it left it, then live streams are told. */
    private void published(Discussion after) {
        index.discussionPublished(after);
        live.changed(after.id());
    }

    private void articleChanged(long discussionId) {
        index.articleChanged(discussionId);
        live.changed(Change.article(discussionId));
    }

    /**
     * A change heard from any node (on PostgreSQL; this node's own come back too): drop what this
     * node remembers of it. The thread cache needs nothing: its keys hold the discussion's version.
     */
    private void forget(Change change) {
        switch (change.what()) {
            case DISCUSSION -> index.discussionChanged(change.id());
            case ARTICLE -> index.articleChanged(change.id());
            case SITES -> sites.forget();
            case POLICY -> policies.forget(change.id());
            case MISSED -> {
                index.forgetAll();
                sites.forget();
                policies.forgetAll();
            }
        }
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
