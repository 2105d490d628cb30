package dev.tribune.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Ready bytes of a thread for anonymous readers: rendered once per discussion version and page,
 * gzipped (quickly, then well: see {@link Entry}), and served as they are, with a version-based
 * ETag (304 on If-None-Match) and a Cache-Control that lets a CDN share them. Entries also age
 * out after {@link #FRESH_FOR}, so what does not bump the version (vote totals) lags by seconds,
 * not forever. No brotli: Maven Central has no well-kept pure-Java brotli encoder (only a
 * decoder, or native bindings).
 */
public final class ThreadCache {
    /** How long shared bytes stay, here and in a CDN, before they are made again. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(5);
    public static final String SHARED = "public, max-age=" + FRESH_FOR.toSeconds() + ", stale-while-revalidate=30";
    /** The content types of cached responses; like the other fixed headers, built once, with their bytes. */
    public static final Header HTML = HeaderValues.createCached(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
    public static final Header JSON = HeaderValues.createCached(HeaderNames.CONTENT_TYPE, "application/json");
    private static final Header SHARED_HEADER = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, SHARED);
    private static final Header VARY = HeaderValues.createCached(HeaderNames.VARY, "Accept-Encoding");
    private static final Header GZIP = HeaderValues.createCached(HeaderNames.CONTENT_ENCODING, "gzip");
    private static final long MAX_BYTES = 128L * 1024 * 1024;
    /** Bodies from this size on are written from the cached array (see {@link #send}). */
    static final int SEND_DIRECT_FROM = 32 * 1024;
    /** How much of such a body travels in the headers' packet (less than Helidon's 4 KB stream buffer). */
    private static final int WITH_HEADERS = 1024;

    /** What one cached response is for: a page of a discussion at a version, in a format (html, json, …). */
    public record Key(long discussionId, long version, String sort, String cursor, int limit, String format) {
        /** Weak, because the same validator covers the identity and the gzip bytes. */
        String etag() {
            String variant = sort + "|" + (cursor == null ? "" : cursor) + "|" + limit + "|" + format;
            return "W/\"" + discussionId + "-" + version + "-" + Integer.toHexString(variant.hashCode()) + "\"";
        }
    }

    /**
     * The bytes of one response. The first gzip is made at the fastest level, because a reader is
     * waiting for it. When a second reader asks for the same bytes, a background thread makes the
     * smaller default-level gzip and swaps it in for the readers after (same content, same ETag);
     * bytes nobody asks for again are never compressed twice.
     */
    private static final class Entry {
        final byte[] plain;
        volatile byte[] gzip;
        private final AtomicBoolean recompressed = new AtomicBoolean();

        Entry(byte[] plain) {
            this.plain = plain;
            this.gzip = gzip(plain, Deflater.BEST_SPEED);
        }

        void askedAgain() {
            if (recompressed.compareAndSet(false, true)) {
                Thread.ofVirtual().name("thread-cache-gzip").start(() -> gzip = gzip(plain, Deflater.DEFAULT_COMPRESSION));
            }
        }
    }

    static byte[] gzip(byte[] plain, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 4));
        try (GZIPOutputStream z = new LevelledGzip(out, level)) {
            z.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final class LevelledGzip extends GZIPOutputStream {
        LevelledGzip(ByteArrayOutputStream out, int level) throws IOException {
            super(out, 8192);
            def.setLevel(level);
        }
    }

    private final Cache<Key, Entry> entries = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((Key k, Entry e) -> e.plain.length + e.gzip.length)
            .expireAfterWrite(FRESH_FOR)
            .build();

    /**
     * Answers from the cache: 304 when the client already holds this version, else the ready
     * bytes (gzip when accepted), rendering them first when nobody asked for them yet.
     */
    public void serve(ServerRequest req, ServerResponse res, Key key, Header contentType, Supplier<byte[]> render) {
        String etag = key.etag();
        if (matches(req.headers().first(HeaderNames.IF_NONE_MATCH).orElse(null), etag)) {
            sharedHeaders(res, etag);
            res.status(Status.NOT_MODIFIED_304);
            res.send();
            return;
        }
        // One render per key even when many readers miss at once: the others wait for it. A
        // refused render (a bad cursor) throws before any shared header is set on its error.
        Entry e = entries.getIfPresent(key);
        if (e != null) e.askedAgain();
        else e = entries.get(key, k -> new Entry(render.get()));
        sharedHeaders(res, etag);
        res.status(Status.OK_200);
        res.header(contentType);
        if (acceptsGzip(req.headers().first(HeaderNames.ACCEPT_ENCODING).orElse(null))) {
            res.header(GZIP);
            send(res, e.gzip);
        } else {
            send(res, e.plain);
        }
    }

    /**
     * Sends ready bytes. {@code res.send(bytes)} copies headers and body into one new buffer (and
     * copies again when the headers pass 256 bytes); for a large body that copy costs more than a
     * second socket write. So a large body's first bytes go out with the headers and the rest
     * straight from the cached array, copied by nobody.
     */
    static void send(ServerResponse res, byte[] body) {
        if (body.length < SEND_DIRECT_FROM) {
            res.send(body);
            return;
        }
        res.header(HeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
        try (OutputStream out = res.outputStream()) {
            out.write(body, 0, WITH_HEADERS);
            out.write(body, WITH_HEADERS, body.length - WITH_HEADERS);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void sharedHeaders(ServerResponse res, String etag) {
        res.header(HeaderNames.ETAG, etag);
        res.header(SHARED_HEADER);
        res.header(VARY);
        res.header(Responses.NOSNIFF);
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        String bare = etag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals(bare) || (c.startsWith("W/") && c.substring(2).equals(bare))) return true;
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.strip().split(";");
            if (!p[0].strip().equalsIgnoreCase("gzip")) continue;
            for (int i = 1; i < p.length; i++) {
                String q = p[i].strip().replace(" ", "");
                if (q.equals("q=0") || q.matches("q=0(\\.0+)?")) return false;
            }
            return true;
        }
        return false;
    }
}
