package dev.tribune.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribune.domain.Refusal;
import dev.tribune.moderation.ReportReason;
import dev.tribune.moderation.Reports;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** Readers' "Report" on a comment: the plain form (POST /c/{id}/report) and the JSON API (POST /api/v1/comments/{id}/report). */
public final class ReportRoutes implements HttpService {
    private final Reports reports;
    private final Visitors visitors;

    public ReportRoutes(Reports reports, Visitors visitors) {
        this.reports = reports;
        this.visitors = visitors;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/c/{id}/report", this::form)
                .post("/api/v1/comments/{id}/report", this::api);
    }

    private void form(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        long id = ArticlePages.pathId(req);
        Map<String, String> f = Forms.parse(req.content().as(byte[].class));
        visitors.checkCsrf(req, v, f.get("csrf"));
        ReportReason reason = ReportReason.parse(f.get("reason"));
        Visitor me = visitors.withBrowserToken(v, res);
        reports.report(v.site().id(), id, me.commenter(), reason, f.get("note"));
        Responses.redirect(res, "/c/" + id);
    }

    private void api(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        long id = ArticlePages.pathId(req);
        visitors.checkCsrf(req, v, null);
        JsonNode body;
        try {
            body = Responses.JSON.readTree(req.content().as(byte[].class));
        } catch (Exception e) {
            throw new Refusal(400, "malformed-json", "The request body is not valid JSON.");
        }
        if (body == null || !body.isObject()) throw new Refusal(400, "malformed-json", "Send a JSON object: {\"reason\": \"spam\"}.");
        ReportReason reason = ReportReason.parse(body.path("reason").asText(null));
        String note = body.path("note").isTextual() ? body.path("note").asText() : null;
        reports.report(v.site().id(), id, visitors.withBrowserToken(v, res).commenter(), reason, note);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("commentId", id);
        answer.put("reason", reason.code());
        answer.put("received", true);
        Responses.noStore(res);
        Responses.json(res, 202, answer);
    }
}
