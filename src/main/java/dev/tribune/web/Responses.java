package dev.tribune.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Writing responses: HTML, JSON, redirects and cookies, with the headers every page needs. */
public final class Responses {
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Headers every page and API answer carries, built once with their bytes. */
    static final Header NOSNIFF = HeaderValues.createCached(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
    static final Header REFERRER_POLICY = HeaderValues.createCached("Referrer-Policy", "strict-origin-when-cross-origin");

    private Responses() {}

    public static void html(ServerResponse res, int status, byte[] body) {
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        res.header(NOSNIFF);
        res.header(REFERRER_POLICY);
        res.send(body);
    }

    public static void json(ServerResponse res, int status, Object body) {
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.header(NOSNIFF);
        res.send(write(body));
    }

    public static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** 303 See Other: after a form post the browser GETs the target. */
    public static void redirect(ServerResponse res, String location) {
        res.status(Status.SEE_OTHER_303);
        res.header(HeaderNames.LOCATION, location);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send();
    }

    public static void noStore(ServerResponse res) {
        res.header(HeaderNames.CACHE_CONTROL, "private, no-store");
    }

    public static void setCookie(ServerResponse res, String name, String value, Duration maxAge, boolean secure) {
        StringBuilder c = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAge != null) c.append("; Max-Age=").append(maxAge.toSeconds());
        if (secure) c.append("; Secure");
        res.headers().add(HeaderNames.SET_COOKIE, c.toString());
    }

    public static void clearCookie(ServerResponse res, String name, boolean secure) {
        setCookie(res, name, "", Duration.ZERO, secure);
    }

    public static String cookie(ServerRequest req, String name) {
        var cookies = req.headers().cookies();
        return cookies.contains(name) ? cookies.get(name) : null;
    }

    public static String query(ServerRequest req, String name) {
        return req.query().contains(name) ? req.query().get(name) : null;
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
