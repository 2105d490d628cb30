package dev.tribune.web;

import dev.tribune.discussion.CommentWriter;
import dev.tribune.discussion.Discussions;
import dev.tribune.publishing.Newsroom;
import dev.tribune.store.Database;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** The admin console at /admin, staff only. */
public final class AdminPages implements HttpService {
    private final Newsroom newsroom;
    private final Discussions discussions;
    private final CommentWriter writer;
    private final Database db;
    private final Visitors visitors;
    private final Templates templates;

    public AdminPages(Newsroom newsroom, Discussions discussions, CommentWriter writer, Database db, Visitors visitors, Templates templates) {
        this.newsroom = newsroom;
        this.discussions = discussions;
        this.writer = writer;
        this.db = db;
        this.visitors = visitors;
        this.templates = templates;
    }

    @Override
    public void routing(HttpRules rules) {
    }
}
