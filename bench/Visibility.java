import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How soon a new comment is visible to readers, while wrk keeps the article hot: posts a marker
 * comment as a guest, then reads the page readers read until the marker shows, again and again
 * for the given seconds. Run as a single-file program: java bench/Visibility.java BASE POST_PATH
 * READ_PATH SECONDS MODE. Prints one line: markers, median, p90 and max milliseconds.
 */
public class Visibility {
    public static void main(String[] args) throws Exception {
        String base = args[0], postPath = args[1], readPath = args[2];
        long until = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
        boolean json = args.length > 4 && args[4].equals("json");
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<Double> delays = new ArrayList<>();
        int failed = 0;
        for (int i = 0; System.nanoTime() < until; i++) {
            String marker = "visibility-marker-" + ProcessHandle.current().pid() + "-" + i;
            HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + postPath))
                    .header("X-Forwarded-For", "10.250." + (i / 256 % 256) + "." + (i % 256));
            if (json) {
                post.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Marker\",\"body\":\"" + marker + " on the seawall\"}"));
            } else {
                post.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "name=Marker&body=" + marker + "+on+the+seawall"));
            }
            HttpResponse<Void> posted = client.send(post.build(), HttpResponse.BodyHandlers.discarding());
            long t0 = System.nanoTime();
            if (posted.statusCode() >= 400) {
                failed++;
                Thread.sleep(500);
                continue;
            }
            boolean seen = false;
            while (System.nanoTime() - t0 < Duration.ofSeconds(30).toNanos()) {
                String page = client.send(HttpRequest.newBuilder(URI.create(base + readPath)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (page.contains(marker)) {
                    seen = true;
                    break;
                }
                Thread.sleep(2);
            }
            if (seen) delays.add((System.nanoTime() - t0) / 1e6); else failed++;
            Thread.sleep(700);
        }
        Collections.sort(delays);
        if (delays.isEmpty()) {
            System.out.println("markers=0 failed=" + failed);
            return;
        }
        System.out.printf("markers=%d failed=%d median=%.1f p90=%.1f max=%.1f%n", delays.size(), failed,
                delays.get(delays.size() / 2), delays.get((int) Math.min(delays.size() - 1, Math.ceil(delays.size() * 0.9) - 1)),
                delays.get(delays.size() - 1));
    }
}
