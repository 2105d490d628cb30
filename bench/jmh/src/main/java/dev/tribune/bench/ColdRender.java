package dev.tribune.bench;

import dev.tribune.App;
import dev.tribune.config.Settings;
import dev.tribune.discussion.CommentNode;
import dev.tribune.discussion.CommentRows;
import dev.tribune.discussion.Limits;
import dev.tribune.discussion.NewComment;
import dev.tribune.discussion.Sort;
import dev.tribune.discussion.ThreadAssembler;
import dev.tribune.discussion.ThreadPage;
import dev.tribune.domain.Article;
import dev.tribune.domain.Author;
import dev.tribune.domain.Comment;
import dev.tribune.domain.Commenter;
import dev.tribune.domain.Discussion;
import dev.tribune.domain.Site;
import dev.tribune.live.LiveSettings;
import dev.tribune.moderation.Scorer;
import dev.tribune.text.Markdown;
import dev.tribune.web.ArticleView;
import dev.tribune.web.CommentForm;
import dev.tribune.web.Templates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.BufferedInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Where the time of a cold thread render goes: the first request for a thread after a change,
 * when no ready bytes exist and SQLite's page cache was dropped by the write. Each cycle writes
 * one comment into the thread (as a reader posting would), lets the after-commit work settle,
 * then times one probe; probes take turns so that drift in the machine's load hits them alike.
 * <p>
 * Wall time is {@code System.nanoTime}; CPU time is the whole process's (every thread's
 * {@code /proc/self/task/N/schedstat}, in ns), so it counts the database reader thread, the
 * web server's threads, GC and the small in-process HTTP client (a socket, no library); the
 * {@code html-hot} probe (a cached answer) shows that floor. Run it on a copy of a benchmark newsroom: it writes comments.
 * <pre>
 * java -cp bench/jmh/target/benchmarks.jar dev.tribune.bench.ColdRender sqlite:/tmp/copy.db [cycles] [warm-up cycles]
 * </pre>
 */
public final class ColdRender {
    private static final String SMALL = "thread-19-comments", MEDIUM = "thread-1000-comments", LARGE = "thread-20000-comments";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final App app;
    private final int port;
    private final Site site;
    private final Templates templates = new Templates();
    private Socket socket;
    private BufferedInputStream in;
    private final Map<String, List<long[]>> samples = new LinkedHashMap<>();

    private ColdRender(String database) {
        Settings settings = Settings.resolve(Map.of(), 0, "127.0.0.1", database, null, "bench-secret-0123456789abcdef", "127.0.0.1");
        this.app = new App(settings, Scorer.NONE, LiveSettings.DEFAULT);
        this.port = app.serve();
        this.site = app.sites.all().getFirst();
        // One writer edits its probe comments many times a minute: lift the rate limits on this copy.
        app.policies.change(site.id(), Map.of("maxPerMinute", "100000", "maxPerHour", "100000", "floodSeconds", "0",
                "maxPerHourPerIp", "100000", "duplicateHours", "0", "siteDuplicateLimit", "100000"), null);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ColdRender sqlite:/path/to/copy.db [cycles (default 60)] [warm-up cycles (default 30)]");
            System.exit(2);
        }
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        ColdRender bench = new ColdRender(args[0]);
        try {
            bench.run(warmup, false);
            bench.samples.clear();
            bench.run(cycles, true);
            bench.report(cycles);
        } finally {
            bench.app.close();
        }
        System.exit(0);
    }

    private void run(int cycles, boolean quiet) throws Exception {
        for (int i = 0; i < cycles; i++) {
            if (!quiet) System.err.print(".");
            for (String slug : List.of(MEDIUM, SMALL, LARGE)) {
                cold("html-cold " + slug, slug, () -> get("/articles/" + slug));
                time("html-hot " + slug, () -> get("/articles/" + slug));
            }
            cold("json-all-cold " + MEDIUM, MEDIUM, () -> get("/api/v1/articles/" + MEDIUM + "/comments?sort=oldest&limit=all"));
            cold("json-first-page-cold " + MEDIUM, MEDIUM, () -> get("/api/v1/articles/" + MEDIUM + "/comments?sort=oldest"));
            phases(MEDIUM);
        }
        if (!quiet) System.err.println();
    }

    /** The phases of rendering the HTML first page in-process, each cold phase after its own write. */
    private void phases(String slug) {
        Article a = app.newsroom.bySlug(site.id(), slug).orElseThrow();
        Discussion d = app.discussions.forArticle(a.id()).orElseThrow();
        cold("1 sql: the page's statements, rows stepped, nothing read", slug, () -> sql(d.id(), false));
        cold("2 sql + row mapping", slug, () -> sql(d.id(), true));
        ThreadPage[] page = new ThreadPage[1];
        Author[] author = new Author[1];
        cold("3 read for the page (discussion, author, thread page: sql, mapping, assembly)", slug, () -> {
            Discussion fresh = app.discussions.forArticle(a.id()).orElseThrow();
            page[0] = app.threads.page(fresh.id(), Sort.OLDEST, null, Limits.PAGE_SIZE, null, null);
            author[0] = a.authorId() == null ? null : app.newsroom.authorById(a.authorId()).orElse(null);
            return page[0].comments().size();
        });
        List<Comment> rows = flatten(page[0].comments());
        List<Comment> roots = rows.stream().filter(Comment::isTopLevel).toList();
        List<Comment> replies = rows.stream().filter(c -> !c.isTopLevel())
                .sorted(java.util.Comparator.comparing(Comment::path)).toList();
        time("4 assembly (warm)", () -> ThreadAssembler.assemble(roots, replies, c -> false).size());
        ArticleView view = new ArticleView(site, a, author[0], page[0], CommentForm.EMPTY, null, Map.of(), null);
        byte[][] html = new byte[1][];
        time("5 template article.jte (warm)", () -> (html[0] = templates.render("article.jte", "view", view)).length);
        time("6 gzip of the page, default level (warm)", () -> gzip(html[0], Deflater.DEFAULT_COMPRESSION).length);
        time("6b gzip of the page, level 1 (warm)", () -> gzip(html[0], Deflater.BEST_SPEED).length);
        time("7 Markdown.comment of the page's comments, were it done per read (warm)", () -> {
            int n = 0;
            for (Comment c : rows) n += Markdown.comment(c.bodyMd() == null ? "" : c.bodyMd()).length();
            return n;
        });
        cold("8 read of the whole thread for limit=all (sql, mapping, assembly)", slug,
                () -> app.threads.page(d.id(), Sort.OLDEST, null, 0, null, null).comments().size());
        samples.computeIfAbsent("   (page: comments, bytes)", k -> new ArrayList<>()).add(new long[]{rows.size(), html[0].length,
                gzip(html[0], Deflater.BEST_SPEED).length, gzip(html[0], Deflater.DEFAULT_COMPRESSION).length});
    }

    /**
     * The statements ThreadReader.page runs for an anonymous oldest-first first page, copied here
     * (keep them in step): the discussion, then the page's top-level comments with their replies.
     */
    private int sql(long discussionId, boolean map) {
        String visibleRoot = "c.discussion_id = :d and c.parent_id is null and (c.status = 'published' "
                + "or exists (select 1 from comment r where r.root_id = c.id and r.id <> c.id and r.status = 'published') "
                + "or (c.status = 'pending' and c.guest_key = :me) or (c.status = 'pending' and c.account_id = :myAccount))";
        String page = "with roots as (select c.id, c.score from comment c where " + visibleRoot + " order by c.parent_id, c.id limit :n) "
                + "select " + CommentRows.COLUMNS + " from comment c where c.id in (select id from roots) union all "
                + "select " + CommentRows.COLUMNS + " from comment c where c.root_id in "
                + "(select id from (select id, score from roots order by id limit :shown) s) and c.parent_id is not null";
        return app.db.read(h -> {
            int n = h.createQuery("select id from discussion where id = :d").bind("d", discussionId).mapTo(Long.class).list().size();
            var q = h.createQuery(page).bind("d", discussionId).bind("me", (String) null).bind("myAccount", (Long) null)
                    .bind("n", Limits.PAGE_SIZE + 1).bind("shown", Limits.PAGE_SIZE);
            return n + (map ? q.map(CommentRows.COMMENT).list().size() : q.map((rs, ctx) -> 1).list().size());
        });
    }

    private static List<Comment> flatten(List<CommentNode> nodes) {
        List<Comment> out = new ArrayList<>();
        for (CommentNode n : nodes) {
            out.add(n.comment());
            out.addAll(flatten(n.replies()));
        }
        return out;
    }

    /** One GET on a kept-alive connection, as a browser sends it (gzip accepted); the body's length. */
    private int get(String path) {
        try {
            if (socket == null || socket.isClosed()) {
                socket = new Socket("127.0.0.1", port);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            }
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip\r\n"
                    + "User-Agent: cold-render\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = line();
            int length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) length = Integer.parseInt(h.substring(15).strip());
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
            }
            int body = 0;
            if (chunked) {
                for (int n = Integer.parseInt(line().strip(), 16); n > 0; n = Integer.parseInt(line().strip(), 16)) {
                    in.skipNBytes(n);
                    body += n;
                    line();
                }
                line();
            } else if (length > 0) {
                in.skipNBytes(length);
                body = length;
            }
            if (!status.startsWith("HTTP/1.1 200")) throw new IllegalStateException(path + " answered " + status);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("the server closed the connection");
            if (c != '\r') b.append((char) c);
        }
        return b.toString();
    }

    /**
     * A change to the thread first, then the timed probe. The change is an edit of a probe comment
     * (a new text, so a new version of the thread) rather than a new comment, so the threads keep
     * their size however long the run; a fresh probe comment is posted before the edit window closes.
     */
    private void cold(String name, String slug, Supplier<Integer> probe) {
        Probe p = probes.get(slug);
        if (p == null || p.edits >= 200) {
            Article a = app.newsroom.bySlug(site.id(), slug).orElseThrow();
            long discussion = app.discussions.forArticle(a.id()).orElseThrow().id();
            Comment c = app.comments.importPublished(new NewComment(discussion, null, "Cold Probe", "",
                    "The cold render probe of " + slug + ".", PROBE_WRITER), java.time.Instant.now());
            probes.put(slug, p = new Probe(c.id()));
        }
        p.edits++;
        edits++;
        app.comments.edit(p.commentId, "Cold render probe, edit " + edits + ": the council *should* publish the figures.", PROBE_WRITER);
        settle();
        time(name, probe);
    }

    private static final Commenter PROBE_WRITER = new Commenter(null, "cold-render-probe", "bench");
    private final Map<String, Probe> probes = new java.util.HashMap<>();
    private int edits;

    private static final class Probe {
        final long commentId;
        int edits;

        Probe(long commentId) { this.commentId = commentId; }
    }

    private void time(String name, Supplier<Integer> probe) {
        long cpu0 = processCpuNanos(), thread0 = THREADS.getCurrentThreadCpuTime(), t0 = System.nanoTime();
        probe.get();
        long wall = System.nanoTime() - t0, thread = THREADS.getCurrentThreadCpuTime() - thread0, cpu = processCpuNanos() - cpu0;
        samples.computeIfAbsent(name, k -> new ArrayList<>()).add(new long[]{wall, cpu, thread});
    }

    private static void settle() {
        try {
            Thread.sleep(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] gzip(byte[] plain, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4);
        try (GZIPOutputStream z = new GZIPOutputStream(out, 8192) {{ def.setLevel(level); }}) {
            z.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** CPU time of every thread of this process so far, in ns (Linux). */
    private static long processCpuNanos() {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path t : tasks) {
                try {
                    String s = Files.readString(t.resolve("schedstat"));
                    sum += Long.parseLong(s.substring(0, s.indexOf(' ')));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sum;
    }

    private void report(int cycles) {
        System.out.printf(Locale.ROOT, "cold render, %d cycles, load average %s%n%n", cycles, loadAverage());
        System.out.println("| probe | wall median ms | wall p90 ms | CPU median ms (process) | CPU median ms (calling thread) |");
        System.out.println("|---|---:|---:|---:|---:|");
        samples.forEach((name, list) -> {
            if (name.startsWith("   ")) {
                long[] last = list.getLast();
                System.out.printf(Locale.ROOT, "| %s | %d comments, %d bytes; gzip level 1: %d, default level: %d | | | |%n",
                        name.strip(), last[0], last[1], last[2], last[3]);
                return;
            }
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", name, ms(median(list, 0)),
                    ms(percentile(list, 0, 0.9)), ms(median(list, 1)), ms(median(list, 2)));
        });
        double small = median(samples.get("html-cold " + SMALL), 0), large = median(samples.get("html-cold " + LARGE), 0);
        double smallCpu = median(samples.get("html-cold " + SMALL), 1), largeCpu = median(samples.get("html-cold " + LARGE), 1);
        System.out.printf(Locale.ROOT, "%ncold first page, 20,000 comments / 19 comments: wall %.2f, CPU %.2f%n",
                large / small, largeCpu / smallCpu);
        double hs = median(samples.get("html-hot " + SMALL), 1), hl = median(samples.get("html-hot " + LARGE), 1);
        System.out.printf(Locale.ROOT, "cached first page, 20,000 comments / 19 comments: CPU %.2f%n", hl / hs);
    }

    private static double ms(double nanos) { return nanos / 1e6; }

    private static double median(List<long[]> list, int field) { return percentile(list, field, 0.5); }

    private static double percentile(List<long[]> list, int field, double p) {
        long[] v = list.stream().mapToLong(s -> s[field]).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        double pos = p * (v.length - 1);
        int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
        return v[lo] + (v[hi] - v[lo]) * (pos - lo);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
