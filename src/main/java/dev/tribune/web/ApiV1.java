package dev.tribune.web;

import dev.tribune.discussion.CommentWriter;
import dev.tribune.discussion.Discussions;
import dev.tribune.discussion.ThreadReader;
import dev.tribune.discussion.Votes;
import dev.tribune.publishing.Newsroom;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** The JSON API under /api/v1. */
public final class ApiV1 implements HttpService {
    private final Newsroom newsroom;
    private final Discussions discussions;
    private final ThreadReader threads;
    private final CommentWriter writer;
    private final Votes votes;
    private final Visitors visitors;

    public ApiV1(Newsroom newsroom, Discussions discussions, ThreadReader threads, CommentWriter writer, Votes votes, Visitors visitors) {
        this.newsroom = newsroom;
        this.discussions = discussions;
        this.threads = threads;
        this.writer = writer;
        this.votes = votes;
        this.visitors = visitors;
    }

    @Override
    public void routing(HttpRules rules) {
    }
}
