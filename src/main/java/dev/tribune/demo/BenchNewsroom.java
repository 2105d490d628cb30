package dev.tribune.demo;

import dev.tribune.App;
import dev.tribune.discussion.CommentRows;
import dev.tribune.domain.Article;
import dev.tribune.domain.Author;
import dev.tribune.domain.Site;
import dev.tribune.publishing.Newsroom;
import dev.tribune.store.Database;
import dev.tribune.text.Markdown;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Generates the benchmark newsroom straight into the database: a site, authors, articles (through
 * the services) and about a million comments written in big batched transactions. The rows are
 * the ones {@code CommentWriter} would have written for the same comments published one by one:
 * root, depth, path, top-level numbers, the discussion's count, next number and version, and one
 * {@code comment.published} event each. Comments of all threads interleave on one timeline, as
 * on a real site, so no thread gets its rows laid out side by side on disk.
 */
public final class BenchNewsroom {
    /** Bump when the generated rows change, so cached benchmark databases are made again. */
    public static final int VERSION = 1;

    /** The thread sizes the benchmark reads, at fixed article positions. */
    public static final int SMALL = 19, SMALL_TOP_LEVEL = 13, MEDIUM = 1_000, LARGE = 20_000;
    private static final double TOP_LEVEL_SHARE = 0.7;
    private static final int MAX_DEPTH = 9;
    private static final int BATCH = 25_000;
    private static final int BODY_POOL = 2_000;
    private static final int READERS = 50_000;

    /** One generated article: what the harness needs to address it. */
    public record Thread(String role, String slug, long discussionId, int comments) {}

    private final App app;
    private final Random random;

    public BenchNewsroom(App app, long seed) {
        this.app = app;
        this.random = new Random(seed);
    }

    /** Fills an empty database; returns the threads the benchmark uses, one line per role. */
    public List<Thread> seed(int articles, int totalComments) {
        if (articles < 5) throw new IllegalArgumentException("the benchmark newsroom needs at least 5 articles");
        return seed(threadSizes(articles, totalComments));
    }

    /** Fills an empty database with one article per entry of sizes, each with that many comments. */
    List<Thread> seed(int[] sizes) {
        if (!app.sites.all().isEmpty()) throw new IllegalStateException("the database already has a site; generate into an empty one");
        int articles = sizes.length;
        int totalComments = Arrays.stream(sizes).sum();
        int total = totalComments;
        Instant start = Instant.now().minus(Duration.ofDays(30));

        Site site = app.sites.add("localhost", "The Benchmark Gazette");
        Author author = app.newsroom.addAuthor(site.id(), "bench-desk", "Bench Desk", "Writes the stories readers argue about.", null);
        long[] discussions = new long[articles];
        String[] slugs = new String[articles];
        for (int i = 0; i < articles; i++) {
            slugs[i] = slug(i, sizes[i]);
            Article a = app.newsroom.create(site.id(), new Newsroom.ArticleDraft(slugs[i], headline(i),
                    "Councillors, residents and the port authority disagree.", articleBody(i), author.id(),
                    List.of("bench"), start.minus(Duration.ofHours(articles - i))));
            discussions[i] = app.discussions.forArticle(a.id()).orElseThrow().id();
        }

        Bodies bodies = new Bodies(random);
        Readers readers = new Readers(random);
        int[] timeline = timeline(sizes, total);
        Comments comments = new Comments(total, articles);
        long spanMillis = Duration.ofDays(30).minusMinutes(5).toMillis();
        int written = 0;
        while (written < total) {
            int from = written;
            int to = Math.min(total, from + BATCH);
            app.db.update(h -> {
                try {
                    insert(h.getConnection(), from, to, timeline, sizes, discussions, comments, bodies, readers,
                            start.toEpochMilli(), spanMillis, total);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot insert benchmark comments: " + e.getMessage(), e);
                }
            });
            written = to;
        }
        app.db.update(h -> {
            for (int i = 0; i < articles; i++) {
                // What publishing each comment through CommentWriter would have left behind.
                h.createUpdate("update discussion set comment_count = ?, next_number = ?, version = ? where id = ?")
                        .bind(0, sizes[i]).bind(1, comments.topLevel[i] + 1).bind(2, 1L + sizes[i]).bind(3, discussions[i]).execute();
            }
            h.createUpdate("insert into instance_setting (name, value) values ('bench.generator', ?)")
                    .bind(0, VERSION + " " + articles + " " + totalComments).execute();
        });
        if (app.db.kind() == Database.Kind.POSTGRESQL) {
            // Ids were given explicitly; the next comment the server writes must not collide.
            app.db.write(h -> h.createQuery("select setval(pg_get_serial_sequence('comment', 'id'), (select max(id) from comment))")
                    .mapTo(Long.class).one());
        } else {
            app.db.update(h -> h.execute("pragma wal_checkpoint(truncate)"));
        }

        List<Thread> out = new ArrayList<>();
        out.add(new Thread("small", slugs[0], discussions[0], sizes[0]));
        out.add(new Thread("medium", slugs[1], discussions[1], sizes[1]));
        out.add(new Thread("large", slugs[2], discussions[2], sizes[2]));
        out.add(new Thread("post", slugs[3], discussions[3], sizes[3]));
        out.add(new Thread("hot", slugs[4], discussions[4], sizes[4]));
        return out;
    }

    /** 19, 1,000 and 20,000 comments first; the rest of the total spread unevenly over the other articles. */
    static int[] threadSizes(int articles, int total) {
        int[] sizes = new int[articles];
        sizes[0] = SMALL;
        sizes[1] = MEDIUM;
        sizes[2] = LARGE;
        // The hot article starts as a 1,000-comment thread too, so its reads compare with the medium one.
        sizes[4] = MEDIUM;
        int rest = Math.max(0, total - SMALL - LARGE - 2 * MEDIUM);
        Random r = new Random(7);
        double[] w = new double[articles];
        double sum = 0;
        for (int i = 0; i < articles; i++) {
            if (i <= 2 || i == 4) continue;
            w[i] = 0.25 + 1.5 * r.nextDouble();
            sum += w[i];
        }
        int given = 0;
        int last = -1;
        for (int i = 0; i < articles; i++) {
            if (w[i] == 0) continue;
            sizes[i] = (int) Math.floor(rest * w[i] / sum);
            given += sizes[i];
            last = i;
        }
        if (last >= 0) sizes[last] += rest - given;
        return sizes;
    }

    /** For each moment of the site's history, which thread gets the next comment (a shuffled multiset). */
    private int[] timeline(int[] sizes, int total) {
        int[] t = new int[total];
        int k = 0;
        for (int i = 0; i < sizes.length; i++) for (int j = 0; j < sizes[i]; j++) t[k++] = i;
        for (int i = total - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int x = t[i]; t[i] = t[j]; t[j] = x;
        }
        return t;
    }

    /** The shape of every comment written so far: enough to choose parents and build paths. */
    private static final class Comments {
        final int[] parent;      // by id; 0 for top-level
        final byte[] depth;
        final int[][] byThread;  // ids per thread, in order of publication
        final int[] count;
        final int[] topLevel;

        Comments(int total, int threads) {
            parent = new int[total + 1];
            depth = new byte[total + 1];
            byThread = new int[threads][];
            count = new int[threads];
            topLevel = new int[threads];
        }

        int root(int id) {
            while (parent[id] != 0) id = parent[id];
            return id;
        }

        String path(int id) {
            if (parent[id] == 0) return CommentRows.segment(id);
            return path(parent[id]) + "." + CommentRows.segment(id);
        }
    }

    private void insert(Connection c, int from, int to, int[] timeline, int[] sizes, long[] discussions, Comments comments,
                        Bodies bodies, Readers readers, long startMillis, long spanMillis, int total) throws SQLException {
        try (PreparedStatement comment = c.prepareStatement("insert into comment (id, discussion_id, parent_id, root_id, depth, "
                + "number, path, author_name, author_email, account_id, guest_key, ip_hash, badge, body_md, body_html, status, "
                + "status_reason, score, upvotes, downvotes, created_at, edited_at, deleted_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, null, ?, ?, 'published', null, 0, 0, 0, ?, null, null)");
             PreparedStatement event = c.prepareStatement("insert into event (discussion_id, kind, comment_id, payload, created_at) "
                     + "values (?, 'comment.published', ?, ?, ?)")) {
            for (int slot = from; slot < to; slot++) {
                int id = slot + 1;
                int t = timeline[slot];
                int n = comments.count[t];
                boolean topLevel = n == 0 || wantsTopLevel(t, n, sizes[t], comments.topLevel[t]);
                int parent = topLevel ? 0 : chooseParent(comments, t, n);
                comments.parent[id] = parent;
                comments.depth[id] = (byte) (topLevel ? 0 : comments.depth[parent] + 1);
                if (comments.byThread[t] == null) comments.byThread[t] = new int[sizes[t]];
                comments.byThread[t][n] = id;
                comments.count[t] = n + 1;
                if (topLevel) comments.topLevel[t]++;

                long at = startMillis + spanMillis * slot / total;
                int reader = readers.pick();
                int body = bodies.pick();
                comment.setLong(1, id);
                comment.setLong(2, discussions[t]);
                if (topLevel) comment.setNull(3, Types.BIGINT); else comment.setLong(3, parent);
                comment.setLong(4, comments.root(id));
                comment.setInt(5, comments.depth[id]);
                if (topLevel) comment.setInt(6, comments.topLevel[t]); else comment.setNull(6, Types.INTEGER);
                comment.setString(7, comments.path(id));
                comment.setString(8, readers.names[reader]);
                comment.setString(9, readers.guestKeys[reader]);
                comment.setString(10, readers.ipHashes[reader]);
                comment.setString(11, bodies.markdown[body]);
                comment.setString(12, bodies.html[body]);
                comment.setLong(13, at);
                comment.addBatch();
                event.setLong(1, discussions[t]);
                event.setLong(2, id);
                event.setString(3, "{\"id\":" + id + "}");
                event.setLong(4, at);
                event.addBatch();
                if ((slot - from) % 5_000 == 4_999) {
                    comment.executeBatch();
                    event.executeBatch();
                }
            }
            comment.executeBatch();
            event.executeBatch();
        }
    }

    /** Keeps each thread's top-level share exact: 13 of 19 on the small thread, 70% elsewhere. */
    private boolean wantsTopLevel(int thread, int written, int size, int topSoFar) {
        int wanted = thread == 0 && size == SMALL ? SMALL_TOP_LEVEL : (int) Math.round(size * TOP_LEVEL_SHARE);
        int left = size - written;
        int topLeft = wanted - topSoFar;
        if (topLeft <= 0) return false;
        if (topLeft >= left) return true;
        return random.nextInt(left) < topLeft;
    }

    /** Replies go mostly to recent comments, as in a live discussion, and never deeper than MAX_DEPTH. */
    private int chooseParent(Comments comments, int thread, int written) {
        int window = Math.min(written, 40);
        int parent = comments.byThread[thread][written - 1 - random.nextInt(window)];
        while (comments.depth[parent] >= MAX_DEPTH) parent = comments.parent[parent];
        return parent;
    }

    private static String slug(int i, int size) {
        return switch (i) {
            case 0 -> "thread-19-comments";
            case 1 -> "thread-1000-comments";
            case 2 -> "thread-20000-comments";
            case 3 -> "thread-for-posting";
            case 4 -> "thread-hot";
            default -> String.format("story-%03d-%d-comments", i, size);
        };
    }

    private static String headline(int i) {
        return "Harbour council story number " + (i + 1) + ": the vote, the ferry and the seawall";
    }

    private static String articleBody(int i) {
        StringBuilder b = new StringBuilder();
        for (int p = 0; p < 8; p++) {
            b.append("The council met on day ").append(i + p).append(" to discuss the harbour plan. Residents of the ")
                    .append("Cannery district asked again who would pay for the seawall, and the port authority said ")
                    .append("the answer would come *after* the ferry tender closes.\n\n");
        }
        b.append("> \"We will see,\" said the mayor.\n");
        return b.toString();
    }

    /** A pool of distinct comment bodies of realistic lengths, rendered once through the real Markdown path. */
    private static final class Bodies {
        private static final String[] WORDS = ("the council port ferry seawall vote budget residents harbour plan tender "
                + "mayor district cannery rent library hours strike transit talks union workers fare route bus night "
                + "shift because however nobody really thinks that this will ever be paid for by the people who decided "
                + "it and I remember when we last had a flood on Front Street in the winter of the storm").split(" ");

        final String[] markdown = new String[BODY_POOL];
        final String[] html = new String[BODY_POOL];
        private final Random random;

        Bodies(Random random) {
            this.random = random;
            for (int i = 0; i < BODY_POOL; i++) {
                markdown[i] = text(i);
                html[i] = Markdown.comment(markdown[i]);
            }
        }

        int pick() { return random.nextInt(BODY_POOL); }

        /** Mostly short comments, some long ones: roughly 40 to 1,500 characters, about 300 on average. */
        private String text(int i) {
            double u = random.nextDouble();
            int chars = (int) (40 + 1460 * u * u * u);
            StringBuilder s = new StringBuilder();
            if (i % 9 == 0) s.append("> ").append(sentence(60)).append("\n\n");
            while (s.length() < chars) {
                String sentence = sentence(40 + random.nextInt(120));
                if (random.nextInt(12) == 0) sentence = sentence.replaceFirst(" (\\w+) ", " *$1* ");
                s.append(sentence);
                if (random.nextInt(5) == 0) s.append("\n\n"); else s.append(' ');
            }
            if (i % 17 == 0) s.append("See https://example.org/harbour-plan-").append(i).append(" for the figures.");
            return s.toString().strip();
        }

        private String sentence(int chars) {
            StringBuilder s = new StringBuilder();
            while (s.length() < chars) {
                if (!s.isEmpty()) s.append(' ');
                s.append(WORDS[random.nextInt(WORDS.length)]);
            }
            s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
            return s.append('.').toString();
        }
    }

    /** Readers who write the comments: a name each, and the keys the services would store for them. */
    private final class Readers {
        private static final String[] FIRST = {"Marta", "Jonas", "Aisha", "Piet", "Lena", "Omar", "Grace", "Tomasz", "Ines",
                "Kofi", "Ruth", "Diego", "Hana", "Sven", "Nadia", "Arjun", "Clara", "Felix", "Yara", "Ben"};
        private static final String[] LAST = {"Okafor", "Lindqvist", "Ruiz", "de Vries", "Nowak", "Haddad", "Brennan",
                "Sato", "Moreau", "Adeyemi", "Kowalski", "Costa", "Fischer", "Ali", "Murphy"};

        final String[] names = new String[READERS];
        final String[] guestKeys = new String[READERS];
        final String[] ipHashes = new String[READERS];
        private final Random random;

        Readers(Random random) {
            this.random = random;
            for (int i = 0; i < READERS; i++) {
                names[i] = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length]
                        + (i >= FIRST.length * LAST.length ? " " + (i / (FIRST.length * LAST.length)) : "");
                guestKeys[i] = app.signer.hash("guest", "bench-reader-" + i);
                ipHashes[i] = app.signer.hash("ip", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
            }
        }

        /** A few readers write a lot, most write a little. */
        int pick() {
            double u = random.nextDouble();
            return (int) (READERS * u * u);
        }
    }
}
