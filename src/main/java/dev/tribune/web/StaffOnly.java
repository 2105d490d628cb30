package dev.tribune.web;

import dev.tribune.domain.Refusal;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The door of the admin console: staff of this site come in, anyone else is sent to sign in. */
final class StaffOnly {
    private final Visitors visitors;

    StaffOnly(Visitors visitors) {
        this.visitors = visitors;
    }

    /**
     * The signed-in staff visitor, or null after answering with a redirect to the sign-in page
     * (back to this page afterwards for a GET; a POST changes nothing and lands on the console).
     * Admin pages are personal, so they are never stored by any cache.
     */
    Visitor enter(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Responses.noStore(res);
        if (v.staff() != null) return v;
        String back = req.prologue().method() == Method.GET ? req.path().rawPath() + rawQuery(req) : "/admin";
        Responses.redirect(res, "/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        return null;
    }

    static void allow(boolean allowed, String why) {
        if (!allowed) throw Refusal.forbidden(why);
    }

    /** A path on this site to go back to; anything else (other hosts, "//evil", odd characters) becomes the fallback. */
    static String localPath(String wanted, String fallback) {
        if (wanted == null || wanted.isEmpty() || wanted.length() > 2000) return fallback;
        if (!wanted.startsWith("/") || wanted.startsWith("//") || wanted.startsWith("/\\")) return fallback;
        for (int i = 0; i < wanted.length(); i++) {
            char c = wanted.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') return fallback;
        }
        return wanted;
    }

    private static String rawQuery(ServerRequest req) {
        String q = req.query().rawValue();
        return q == null || q.isEmpty() ? "" : "?" + q;
    }
}
