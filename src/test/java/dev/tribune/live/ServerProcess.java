package dev.tribune.live;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Tribune app node in its own JVM, started the way {@code ./tribune serve} starts it: this
 * test's java, {@code target/classes} plus the libraries {@code mvn package} copied to
 * {@code target/lib}, settings in TRIBUNE_* variables. Its output goes to a log file kept across
 * restarts ({@link #log()}), to print when a test fails.
 */
final class ServerProcess implements AutoCloseable {
    /** A cold JVM on a shared, busy machine: migrations, classifiers and the web server take a while. */
    private static final Duration START_PATIENCE = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    private ServerProcess(String name, int port, Map<String, String> env, Path log) {
        this.name = name;
        this.port = port;
        this.env = env;
        this.log = log;
    }

    /** A node serving the database at databaseUrl on a free loopback port (not started yet). */
    static ServerProcess node(String name, String databaseUrl, String secret) throws IOException {
        Path log = Files.createTempFile("tribune-node-" + name + "-", ".log");
        return new ServerProcess(name, freePort(), Map.of("TRIBUNE_DATABASE", databaseUrl, "TRIBUNE_SECRET", secret,
                "TRIBUNE_BIND", "127.0.0.1"), log);
    }

    /** Starts (or starts again, on the same port) and waits until the node answers its front page. */
    ServerProcess start() throws Exception {
        if (process != null && process.isAlive()) throw new IllegalStateException(name + " is already running");
        Files.writeString(log, "---- starting node " + name + " on port " + port + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        process = launch(List.of("serve", "--port", Integer.toString(port)), log);
        // Should the test JVM itself be stopped before its @AfterAll, the node must not outlive it.
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        long until = System.nanoTime() + START_PATIENCE.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) throw new AssertionError("node " + name + " exited with " + process.exitValue() + "\n" + log());
            if (answers()) return this;
            Thread.sleep(200);
        }
        throw new AssertionError("node " + name + " did not answer on port " + port + " within " + START_PATIENCE + "\n" + log());
    }

    /** Runs another command of the CLI with this node's settings (say, {@code site add}), waits for it, returns its output. */
    String run(String... args) throws Exception {
        Path out = Files.createTempFile("tribune-cli-", ".log");
        try {
            Process p = launch(List.of(args), out);
            boolean done = p.waitFor(START_PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if (!done) p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (!done || p.exitValue() != 0) {
                throw new AssertionError("tribune " + String.join(" ", args) + (done ? " exited with " + p.exitValue() : " did not finish")
                        + "\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private Process launch(List<String> args, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED", "-Xmx384m",
                "-cp", classpath(), "dev.tribune.Tribune"));
        command.addAll(args);
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        b.environment().keySet().removeIf(k -> k.startsWith("TRIBUNE_"));
        b.environment().putAll(env);
        return b.start();
    }

    private boolean answers() {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("/"))).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The node on the host name the test site is served under. */
    String url(String path) {
        return "http://localhost:" + port + path;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Kills the JVM as a crash or an OOM killer would: no shutdown hooks, open streams just break. */
    void kill() throws InterruptedException {
        if (process == null) return;
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        try {
            Files.writeString(log, "---- node " + name + " killed\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // only a marker in the log
        }
    }

    String log() {
        try {
            return "==== log of node " + name + " (" + log + ")\n" + Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log of " + name + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** What {@code ./tribune} runs: the compiled classes and the runtime libraries {@code mvn package} copied. */
    private static String classpath() {
        Path target = Path.of(System.getProperty("basedir", "."), "target");
        Path classes = target.resolve("classes");
        Path lib = target.resolve("lib");
        if (!Files.isDirectory(classes.resolve("dev/tribune")) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("a node needs " + classes + " and " + lib + ": run the ITs through 'mvn verify' "
                    + "(the package phase copies the libraries) or run 'mvn -DskipTests package' first");
        }
        return classes + File.pathSeparator + lib + File.separator + "*";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
