package dev.tribune.web;

import dev.tribune.domain.Refusal;
import dev.tribune.identity.ApiKeys;
import dev.tribune.perspective.AnalyzeRequest;
import dev.tribune.perspective.Analyzer;
import dev.tribune.perspective.KeyQuota;
import dev.tribune.perspective.PerspectiveError;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * POST /v1alpha1/comments:analyze, answered the way Google's Perspective API answers it, so
 * tools built on Perspective can point at Tribune. Authorized by a site's API key (?key= or
 * the X-Goog-Api-Key header); errors come in Google's error envelope, never problem+json.
 * The text is scored and forgotten: nothing of a request is stored or logged.
 */
public final class PerspectiveApi implements HttpService {
    public static final String PATH = "/v1alpha1/comments:analyze";
    private static final Logger LOG = LoggerFactory.getLogger(PerspectiveApi.class);

    private final ApiKeys keys;
    private final KeyQuota quota;
    private final Supplier<Analyzer> load;
    private volatile Analyzer analyzer;

    /** {@code load} gives the models; it runs once, on the first request that needs them. */
    public PerspectiveApi(ApiKeys keys, KeyQuota quota, Supplier<Analyzer> load) {
        this.keys = keys;
        this.quota = quota;
        this.load = load;
    }

    private Analyzer analyzer() {
        Analyzer a = analyzer;
        if (a == null) {
            synchronized (this) {
                if (analyzer == null) analyzer = load.get();
                a = analyzer;
            }
        }
        return a;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(PATH, this::analyze)
                .any("/v1alpha1/*", (req, res) -> send(res, new PerspectiveError(404, "NOT_FOUND",
                        "Tribune answers only POST " + PATH + " of the Perspective API.", List.of())));
    }

    private void analyze(ServerRequest req, ServerResponse res) {
        try {
            if (req.prologue().method() != Method.POST) {
                res.header("Allow", "POST");
                throw new PerspectiveError(405, "UNIMPLEMENTED", "Method " + req.prologue().method().text()
                        + " is not allowed: send POST " + PATH + "?key=API_KEY with a JSON body.", List.of());
            }
            ApiKeys.Key key = key(req);
            if (!quota.take(key.prefix(), key.perMinute())) {
                res.header("Retry-After", Long.toString(quota.secondsLeft()));
                throw new PerspectiveError(429, "RESOURCE_EXHAUSTED", "Quota exceeded: this API key may make "
                        + key.perMinute() + " requests per minute. Try again in " + quota.secondsLeft() + " seconds.", List.of());
            }
            AnalyzeRequest request = AnalyzeRequest.parse(body(req));
            Responses.noStore(res);
            Responses.json(res, 200, analyzer().analyze(request));
        } catch (PerspectiveError e) {
            send(res, e);
        } catch (RuntimeException e) {
            LOG.error("comments:analyze failed", e);
            send(res, new PerspectiveError(500, "INTERNAL", "Something went wrong on our side; please try again.", List.of()));
        }
    }

    /** The key named by ?key= or the X-Goog-Api-Key header, refused the way Google refuses it. */
    private ApiKeys.Key key(ServerRequest req) {
        String given = req.query().first("key").orElseGet(() -> req.headers().first(
                io.helidon.http.HeaderNames.create("X-Goog-Api-Key")).orElse(null));
        if (given == null || given.isBlank()) {
            throw new PerspectiveError(403, "PERMISSION_DENIED", "The request is missing a valid API key: add ?key=API_KEY "
                    + "(the operator makes one with 'tribune site api-key --site HOST').", List.of());
        }
        return keys.find(given).orElseThrow(() -> new PerspectiveError(400, "INVALID_ARGUMENT",
                "API key not valid. Please pass a valid API key.", List.of(Map.of(
                        "@type", "type.googleapis.com/google.rpc.ErrorInfo", "reason", "API_KEY_INVALID", "domain", "tribune"))));
    }

    private static String body(ServerRequest req) {
        try {
            return Forms.utf8(Forms.body(req));
        } catch (Refusal r) {
            if (r.status() == 413) {
                throw PerspectiveError.invalid("COMMENT_TOO_LONG", "Comment text too long: the request is larger than "
                        + Forms.MAX_BODY_BYTES / 1000 + " kB; the limit is " + AnalyzeRequest.MAX_TEXT_BYTES + " bytes of text (20 KB).");
            }
            throw new PerspectiveError(400, "INVALID_ARGUMENT", "Invalid JSON payload received: " + r.detail(), List.of());
        }
    }

    private static void send(ServerResponse res, PerspectiveError e) {
        Responses.noStore(res);
        Responses.json(res, e.code(), e.body());
    }
}
