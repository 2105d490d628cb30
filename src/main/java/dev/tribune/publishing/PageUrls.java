package dev.tribune.publishing;

import dev.tribune.domain.Refusal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * How embedded pages are named: an origin is scheme://host[:port] in lower case without a default
 * port; a page's key is its canonical URL with the noise (fragment, tracking parameters, default
 * port, trailing slash, letter case of scheme and host) taken out, or an id the host site chose.
 */
public final class PageUrls {
    public static final int MAX_URL = 2000;
    public static final int MAX_ID = 200;

    private PageUrls() {}

    /** The normalized origin of an http(s) URL or origin, when it is one. */
    public static Optional<String> origin(String url) {
        return parse(url).map(u -> originOf(u));
    }

    /** The normalized origin, or a refusal naming the field that held it. */
    public static String requireOrigin(String field, String value) {
        URI u = parse(value).orElseThrow(() -> Refusal.invalid(field,
                "An origin is scheme://host[:port] with http or https, like https://news.example.org; got '" + value + "'."));
        if (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/") || u.getRawQuery() != null) {
            throw Refusal.invalid(field, "An origin has no path or query, like https://news.example.org; got '" + value + "'.");
        }
        return originOf(u);
    }

    /** The discussion key of a page named by its URL. */
    public static String keyForUrl(String url) {
        if (url == null || url.isBlank()) throw Refusal.invalid("url", "Say which page the discussion is under (its URL).");
        if (url.length() > MAX_URL) throw Refusal.invalid("url", "A page URL may be at most " + MAX_URL + " characters.");
        URI u = parse(url).orElseThrow(() -> Refusal.invalid("url", "The page URL must be an absolute http(s) URL; got '" + url + "'."));
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        return "url:" + originOf(u) + path + query(u.getRawQuery());
    }

    /** The discussion key of a page named by an id the host site chose (data-id). */
    public static String keyForId(String id) {
        String s = id == null ? "" : id.strip();
        if (s.isEmpty() || s.length() > MAX_ID || !s.codePoints().allMatch(c -> c > 0x20 && c != 0x7f)) {
            throw Refusal.invalid("id", "A page id is 1 to " + MAX_ID + " visible characters without spaces.");
        }
        return "id:" + s;
    }

    private static Optional<URI> parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) return Optional.empty();
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return Optional.empty();
            if (u.getHost() == null || u.getRawUserInfo() != null) return Optional.empty();
            return Optional.of(u);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String originOf(URI u) {
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort();
        boolean usual = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (usual ? "" : ":" + port);
    }

    /** Keeps the query (some sites name articles by it) without campaign-tracking parameters. */
    private static String query(String raw) {
        if (raw == null || raw.isEmpty()) return "";
        StringJoiner kept = new StringJoiner("&", "?", "");
        kept.setEmptyValue("");
        for (String part : raw.split("&")) {
            String name = part.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (part.isEmpty() || name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid")) continue;
            kept.add(part);
        }
        return kept.toString();
    }
}
