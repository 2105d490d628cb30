package dev.tribune.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Serves the stylesheet and scripts under /static from the classpath, held in memory with ETags. */
public final class StaticFiles implements HttpService {
    private record File(byte[] bytes, String type, String etag) {}

    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");

    private final Map<String, File> files = new ConcurrentHashMap<>();

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{name}", this::serve);
    }

    private void serve(ServerRequest req, ServerResponse res) {
        send(req.path().pathParameters().get("name"), req, res);
    }

    /** Answers with one file of /static (by name), or 404. */
    void send(String name, ServerRequest req, ServerResponse res) {
        File f = name.matches("[a-z0-9-]+\\.[a-z]+") ? files.computeIfAbsent(name, StaticFiles::load) : null;
        if (f == null || f.bytes() == null) {
            res.status(Status.NOT_FOUND_404).send("not found");
            return;
        }
        res.header(HeaderNames.ETAG, f.etag());
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
        // Host pages that isolate themselves (Cross-Origin-Embedder-Policy) may still load the embed's files.
        res.header("Cross-Origin-Resource-Policy", "cross-origin");
        if (req.headers().first(HeaderNames.IF_NONE_MATCH).map(f.etag()::equals).orElse(false)) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, f.type());
        res.send(f.bytes());
    }

    private static File load(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/static/" + name)) {
            if (in == null) return new File(null, null, null);
            byte[] b = in.readAllBytes();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b), 0, 8) + "\"";
            return new File(b, TYPES.getOrDefault(ext, "application/octet-stream"), etag);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
