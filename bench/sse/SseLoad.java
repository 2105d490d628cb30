import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Opens many live streams of one discussion on a Tribune node, then posts a few comments and
 * measures, per stream, how long after the post the comment arrived. Loopback only; stops
 * after the given number of streams and rounds. Usage:
 * java SseLoad.java PORT ARTICLE_SLUG DISCUSSION_ID STREAMS ROUNDS [SERVER_PID for a heap reading by jcmd]
 */
public class SseLoad {
    static final byte[] NEEDLE = "event:comment.published".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String slug = args[1];
        long discussion = Long.parseLong(args[2]);
        int streams = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);

        AtomicInteger ready = new AtomicInteger(), refused = new AtomicInteger(), failed = new AtomicInteger();
        AtomicLongArray arrivals = new AtomicLongArray(streams * rounds);
        AtomicInteger[] seen = new AtomicInteger[streams];
        CountDownLatch opened = new CountDownLatch(streams);
        long start = System.nanoTime();
        for (int i = 0; i < streams; i++) {
            int me = i;
            seen[i] = new AtomicInteger();
            Thread.ofVirtual().start(() -> listen(port, discussion, me, rounds, arrivals, seen[me], ready, refused, failed, opened));
            if (i % 500 == 499) Thread.sleep(50); // a ramp, not a SYN flood
        }
        opened.await(120, TimeUnit.SECONDS);
        System.out.printf("streams: asked %d, open %d, refused (503) %d, failed %d, in %.1f s%n",
                streams, ready.get(), refused.get(), failed.get(), (System.nanoTime() - start) / 1e9);
        Thread.sleep(2000);
        if (args.length > 5) heap(args[5]);

        HttpClient client = HttpClient.newHttpClient();
        long[] posted = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            posted[r] = System.nanoTime();
            HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/articles/" + slug + "/comments"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=Bench&body=" + URLEncoder.encode("Live bench round " + r, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 303) System.out.println("post answered " + res.statusCode());
            // Next round once every open stream has this comment, or after 30 s.
            long until = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < until && delivered(seen, r + 1) < ready.get()) Thread.sleep(20);
            Thread.sleep(500);
        }
        long[] lat = new long[streams * rounds];
        int n = 0, missing = 0;
        for (int s = 0; s < streams; s++) {
            for (int r = 0; r < rounds; r++) {
                long t = arrivals.get(s * rounds + r);
                if (t == 0) { missing++; continue; }
                lat[n++] = t - posted[r];
            }
        }
        long[] sorted = Arrays.copyOf(lat, n);
        Arrays.sort(sorted);
        System.out.printf("deliveries: %d of %d expected (%d missing)%n", n, ready.get() * rounds, Math.max(0, ready.get() * rounds - n));
        if (n > 0) {
            System.out.printf("latency post→stream: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    sorted[n / 2] / 1e6, sorted[Math.min(n - 1, (int) (n * 0.99))] / 1e6, sorted[n - 1] / 1e6);
        }
        System.exit(0);
    }

    static int delivered(AtomicInteger[] seen, int atLeast) {
        int n = 0;
        for (AtomicInteger s : seen) if (s.get() >= atLeast) n++;
        return n;
    }

    /** The server's heap after a full collection, with every stream open. */
    static void heap(String pid) throws Exception {
        String jcmd = System.getProperty("java.home") + "/bin/jcmd";
        new ProcessBuilder(jcmd, pid, "GC.run").redirectErrorStream(true).start().waitFor();
        Process p = new ProcessBuilder(jcmd, pid, "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        System.out.println("server heap after a full GC, streams open:");
        out.lines().skip(1).limit(2).forEach(l -> System.out.println("  " + l.strip()));
        Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", pid).start();
        long rss = Long.parseLong(new String(ps.getInputStream().readAllBytes()).strip());
        System.out.printf("server resident memory: %d MB%n", rss / 1024);
    }

    static void listen(int port, long discussion, int me, int rounds, AtomicLongArray arrivals, AtomicInteger seen,
                       AtomicInteger ready, AtomicInteger refused, AtomicInteger failed, CountDownLatch opened) {
        boolean counted = false;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /live/discussions/" + discussion + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(s.getInputStream(), 2048);
            String status = line(in);
            while (!line(in).isEmpty()) { } // headers
            if (!status.contains(" 200 ")) {
                (status.contains(" 503 ") ? refused : failed).incrementAndGet();
                opened.countDown();
                return;
            }
            ready.incrementAndGet();
            counted = true;
            opened.countDown();
            // The body is chunked; the needle is searched in the de-chunked bytes.
            int matched = 0;
            while (seen.get() < rounds) {
                int size = Integer.parseInt(line(in).strip(), 16);
                if (size == 0) return;
                for (int i = 0; i < size; i++) {
                    int b = in.read();
                    if (b < 0) return;
                    matched = b == NEEDLE[matched] ? matched + 1 : (b == NEEDLE[0] ? 1 : 0);
                    if (matched == NEEDLE.length) {
                        arrivals.set(me * rounds + seen.getAndIncrement(), System.nanoTime());
                        matched = 0;
                    }
                }
                line(in); // CRLF after the chunk
            }
        } catch (IOException | RuntimeException e) {
            if (!counted) {
                failed.incrementAndGet();
                opened.countDown();
            }
        }
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) >= 0 && c != '\n') if (c != '\r') b.write(c);
        if (c < 0 && b.size() == 0) throw new IOException("closed");
        return b.toString(StandardCharsets.US_ASCII);
    }
}
