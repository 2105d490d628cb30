package dev.tribune.live;

import dev.tribune.store.Database;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Tells the nodes what changed through PostgreSQL: NOTIFY on the shared pool after a commit, LISTEN
 * on one dedicated connection per node. The notification carries only {@link Change#payload()}.
 */
public final class PostgresBridge implements Bridge {
    static final String CHANNEL = "tribune_live";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresBridge.class);
    private static final int POLL_MILLIS = 1000;

    private final Database db;
    private final Callable<Connection> connect;
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Connection connection;

    /** connect opens the dedicated listening connection (again after it drops). */
    public PostgresBridge(Database db, Callable<Connection> connect) {
        this.db = db;
        this.connect = connect;
    }

    @Override
    public void start(Consumer<Change> heard) {
        running = true;
        listener = Thread.ofPlatform().name("live-listen").daemon().start(() -> listen(heard));
    }

    @Override
    public void announce(Change change) {
        db.update(h -> h.createQuery("select pg_notify(?, ?)").bind(0, CHANNEL).bind(1, change.payload())
                .mapTo(String.class).findOne());
    }

    @Override
    public boolean crossNode() { return true; }

    private void listen(Consumer<Change> heard) {
        long backoff = 250;
        while (running) {
            try (Connection c = connect.call(); Statement s = c.createStatement()) {
                connection = c;
                s.execute("listen " + CHANNEL);
                // Whatever happened while this node was not listening is read now.
                heard.accept(Change.MISSED);
                backoff = 250;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] got = pg.getNotifications(POLL_MILLIS);
                    if (got == null) continue;
                    // In commit order: a change announced after another is heard after it.
                    for (PGNotification n : got) Change.parse(n.getParameter()).ifPresent(heard);
                }
            } catch (Exception e) {
                if (!running) return;
                LOG.warn("live listener lost its PostgreSQL connection ({}); retrying in {} ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        Thread t = listener;
        if (t != null) t.interrupt();
    }
}
