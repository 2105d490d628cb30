package dev.tribune.web;

import dev.tribune.domain.Refusal;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns refusals and failures into answers: application/problem+json (RFC 9457) for the API,
 * a page with the message for browsers. No stack trace ever reaches a client.
 */
public final class Problems {
    public static final String TYPE_BASE = "https://tribune.dev/problems/";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final Visitors visitors;
    private final Templates templates;

    public Problems(Visitors visitors, Templates templates) {
        this.visitors = visitors;
        this.templates = templates;
    }

    public void refused(ServerRequest req, ServerResponse res, Refusal r) {
        if (!visitors.allowCrossOrigin(req, res) && r.type().equals(EmbedApi.ORIGIN_REFUSED)) {
            // A page on an origin the site does not allow may still read why it is refused.
            String origin = req.headers().first(HeaderNames.ORIGIN).orElse(null);
            if (origin != null) res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            res.header(HeaderNames.VARY, "Origin");
        }
        if (wantsJson(req)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", TYPE_BASE + r.type());
            body.put("title", Status.create(r.status()).reasonPhrase());
            body.put("status", r.status());
            body.put("detail", r.detail());
            if (!r.fields().isEmpty()) body.put("errors", r.fields());
            res.status(Status.create(r.status()));
            res.header(HeaderNames.CONTENT_TYPE, "application/problem+json");
            Responses.noStore(res);
            res.send(Responses.write(body));
            return;
        }
        String heading = switch (r.status()) {
            case 404 -> "Not found";
            case 403 -> "Not allowed";
            default -> "Something is not right";
        };
        byte[] html;
        try {
            html = templates.render("message.jte", Map.of("site", visitors.site(req), "status", r.status(), "heading", heading,
                    "detail", r.detail()));
        } catch (Refusal unknownSite) {
            html = Responses.bytes("<!doctype html><meta charset=utf-8><title>" + heading + "</title><p>"
                    + r.detail().replace("&", "&amp;").replace("<", "&lt;") + "</p>");
        }
        Responses.noStore(res);
        Responses.html(res, r.status(), html);
    }

    public void failed(ServerRequest req, ServerResponse res, Throwable t) {
        if (t instanceof Refusal r) {
            refused(req, res, r);
            return;
        }
        LOG.error("request {} {} failed", req.prologue().method().text(), req.path().rawPath(), t);
        refused(req, res, new Refusal(500, "internal", "Something went wrong on our side; nothing you sent was lost. Please try again."));
    }

    static boolean wantsJson(ServerRequest req) {
        String path = req.path().rawPath();
        if (path.startsWith("/api/")) return true;
        String accept = req.headers().first(HeaderNames.ACCEPT).orElse("");
        return accept.contains("application/json") && !accept.contains("text/html");
    }
}
