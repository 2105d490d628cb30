package dev.tribune.web;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** The two scripts host pages include, at short root paths that stay stable: /embed.js and /count.js. */
public final class EmbedScripts implements HttpService {
    private final StaticFiles files = new StaticFiles();

    @Override
    public void routing(HttpRules rules) {
        rules.get("/embed.js", (req, res) -> files.send("embed.js", req, res))
                .get("/count.js", (req, res) -> files.send("count.js", req, res));
    }
}
