package dev.tribune.live;

import dev.tribune.TestDatabase;
import dev.tribune.discussion.EventLog;
import dev.tribune.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hubs ("nodes") on one PostgreSQL database, each with its own LISTEN connection: an event
 * committed on one reaches the other's reader, and a restarted node's reader misses nothing.
 */
class PostgresBridgeIT {
    static final Duration PROMPTLY = Duration.ofSeconds(1);
    static final LiveSettings SETTINGS = LiveSettings.DEFAULT;
    static TestDatabase.Fresh store;
    static String url;

    @BeforeAll
    static void freshDatabase() {
        store = TestDatabase.POSTGRESQL.fresh();
        url = store.url();
        try (Database db = Database.open(url)) {
            db.update(h -> {
                h.execute("insert into site (id, host, name, created_at) values (1, 'live.test', 'Live', 0)");
                h.execute("insert into discussion (id, site_id, page_key, created_at) values (1, 1, 'p', 0)");
            });
        }
    }

    @AfterAll
    static void dropIt() {
        if (store != null) store.close();
    }

    /** One node: its own pool, hub and listening connection. */
    record Node(Database db, Hub hub) implements AutoCloseable {
        static Node start() {
            Database db = Database.open(url);
            String jdbc = Database.postgresJdbcUrl(url);
            return new Node(db, new Hub(new EventFeed(db), new PostgresBridge(db, () -> DriverManager.getConnection(jdbc)), SETTINGS));
        }

        /** Publishes a comment the way CommentWriter does (row and event in one transaction), then wakes. */
        long publish(String text, boolean wake) {
            long eventId = db.write(h -> {
                long c = h.createQuery("insert into comment (discussion_id, author_name, body_md, body_html, status, created_at) "
                        + "values (1, 'Uma', '', ?, 'published', ?) returning id").bind(0, text).bind(1, System.currentTimeMillis())
                        .mapTo(Long.class).one();
                h.createUpdate("update discussion set comment_count = comment_count + 1 where id = 1").execute();
                return EventLog.append(h, 1, "comment.published", c, "{}");
            });
            if (wake) hub.changed(1);
            return eventId;
        }

        @Override
        public void close() {
            hub.close();
            db.close();
        }
    }

    static LiveEvent next(Subscription s, Duration wait) throws InterruptedException {
        return s.next(wait);
    }

    /** The bridge starts listening on its own thread: wait until a NOTIFY would reach it. */
    static void awaitListening(Node a, Subscription probe) throws Exception {
        for (int i = 0; i < 100; i++) {
            long id = a.publish("probe", true);
            LiveEvent e = probe.next(Duration.ofMillis(200));
            while (e != null && e.id() < id) e = probe.next(Duration.ofMillis(200));
            if (e != null) return;
        }
        throw new AssertionError("node B never started listening");
    }

    @Test
    void aCommentOnNodeAReachesAReaderOnNodeBAndARestartedNodeMissesNothing() throws Exception {
        try (Node a = Node.start()) {
            Node b = Node.start();
            long last;
            try (Subscription reader = b.hub().subscribe(1, null)) {
                awaitListening(a, reader);
                long sent = a.publish("<p>From node A</p>", true);
                LiveEvent got = next(reader, PROMPTLY);
                assertThat(got).as("node B's reader within a second").isNotNull();
                assertThat(got.id()).isEqualTo(sent);
                assertThat(got.data()).contains("From node A");
                last = got.id();
            } finally {
                b.close(); // node B goes away: its readers' streams end
            }

            List<Long> missed = new ArrayList<>();
            missed.add(a.publish("<p>while B was down 1</p>", true));
            missed.add(a.publish("<p>while B was down 2</p>", true));

            try (Node b2 = Node.start(); Subscription back = b2.hub().subscribe(1, last)) {
                List<Long> replayed = new ArrayList<>();
                for (LiveEvent e; (e = next(back, PROMPTLY)) != null && replayed.size() < missed.size(); ) replayed.add(e.id());
                assertThat(replayed).containsExactlyElementsOf(missed);

                awaitListening(a, back);
                // A node that dies between its commit and its NOTIFY: the sweep still brings the event.
                long silent = a.publish("<p>no notify</p>", false);
                LiveEvent late = next(back, Duration.ofSeconds(15));
                assertThat(late).isNotNull();
                assertThat(late.id()).isEqualTo(silent);
            }
        }
    }
}
