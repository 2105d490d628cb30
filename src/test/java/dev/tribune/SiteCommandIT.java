package dev.tribune;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The site commands on a real SQLite file: one commenting command, and the deprecated 'guests' alias saying what to use. */
class SiteCommandIT {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new Tribune()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    @Test
    void oneCommandSetsWhoMayCommentAndTheOldOneSaysWhatToUse() {
        try (TestDatabase.Fresh db = TestDatabase.SQLITE.fresh()) {
            String[] at = {"--database", db.url(), "--secret", "test-secret-0123456789"};
            assertThat(run(concat(new String[] {"site", "add", "--host", "news.test", "--name", "News"}, at)).code()).isZero();

            Run accounts = run(concat(new String[] {"site", "commenting", "--site", "news.test", "--who", "accounts"}, at));
            assertThat(accounts.code()).isZero();
            assertThat(accounts.out()).contains("news.test").contains("commenting accounts");

            Run on = run(concat(new String[] {"site", "guests", "--site", "news.test", "on"}, at));
            assertThat(on.code()).isZero();
            assertThat(on.err()).contains("deprecated").contains("tribune site commenting --site news.test --who anyone");
            assertThat(on.out()).contains("commenting anyone");

            run(concat(new String[] {"site", "commenting", "--site", "news.test", "--who", "subscribers"}, at));
            Run off = run(concat(new String[] {"site", "guests", "--site", "news.test", "off"}, at));
            assertThat(off.err()).contains("--who subscribers");
            assertThat(run(concat(new String[] {"site", "list"}, at)).out()).contains("commenting subscribers");

            Run bad = run(concat(new String[] {"site", "commenting", "--site", "news.test", "--who", "everyone"}, at));
            assertThat(bad.code()).isNotZero();
            assertThat(run(concat(new String[] {"site", "list"}, at)).out()).contains("commenting subscribers");
        }
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
