package dev.tribune.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Cross-origin access to /api and /live for the origins a site allows (its embeds), and for no
 * one else. Registered before the areas it covers: it answers preflights and marks every other
 * answer, then lets the request go on.
 */
public final class Cors implements HttpService {
    /** How long a browser may reuse a preflight answer, in seconds. */
    static final int PREFLIGHT_AGE = 600;

    private final Visitors visitors;

    public Cors(Visitors visitors) {
        this.visitors = visitors;
    }

    @Override
    public void routing(HttpRules rules) {
        for (String area : new String[] {"/api/*", "/live/*"}) {
            rules.options(area, this::preflight).any(area, this::mark);
        }
    }

    private void preflight(ServerRequest req, ServerResponse res) {
        if (!visitors.allowCrossOrigin(req, res)) {
            // No CORS headers: the browser refuses the real request before it is sent.
            res.status(Status.FORBIDDEN_403).send();
            return;
        }
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, PATCH, DELETE");
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type, Authorization, Tribune-Browser, Last-Event-ID");
        res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, Integer.toString(PREFLIGHT_AGE));
        res.status(Status.NO_CONTENT_204).send();
    }

    private void mark(ServerRequest req, ServerResponse res) {
        visitors.allowCrossOrigin(req, res);
        res.next();
    }
}
