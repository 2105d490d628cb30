package dev.tribune.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The store: SQLite (one writer, a few readers, WAL) or PostgreSQL, migrated by Flyway and
 * used through JDBI. Every statement of a feature goes through {@link #read} or {@link #write}.
 * On SQLite, writes that arrive together are committed together ({@link GroupCommit}); on
 * PostgreSQL each write is its own transaction on the caller's thread.
 */
public final class Database implements AutoCloseable {

    /** Which database engine is behind this store. */
    public enum Kind { SQLITE, POSTGRESQL }

    private static final int SQLITE_READERS = 4;

    private final Kind kind;
    private final String description;
    private final HikariDataSource writePool;
    private final HikariDataSource readPool;
    private final Jdbi writer;
    private final Jdbi reader;
    // SQLite's driver is native code that pins a virtual thread to its carrier, so its
    // calls run on a few platform threads instead of on request threads.
    private final GroupCommit groupCommit;
    private final NameLocks names = new NameLocks(1024);
    private final ExecutorService readThreads;
    private final List<Consumer<String>> statementWatchers = new CopyOnWriteArrayList<>();

    private Database(Kind kind, String description, HikariDataSource writePool, HikariDataSource readPool) {
        this.kind = kind;
        this.description = description;
        this.writePool = writePool;
        this.readPool = readPool;
        this.writer = Jdbi.create(writePool);
        this.reader = readPool == writePool ? writer : Jdbi.create(readPool);
        SqlLogger toWatchers = new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext ctx) {
                for (Consumer<String> w : statementWatchers) w.accept(ctx.getRenderedSql());
            }
        };
        writer.setSqlLogger(toWatchers);
        reader.setSqlLogger(toWatchers);
        Consumer<String> plainToWatchers = sql -> { for (Consumer<String> w : statementWatchers) w.accept(sql); };
        writer.define(Jdbc.WATCHERS, plainToWatchers);
        reader.define(Jdbc.WATCHERS, plainToWatchers);
        if (kind == Kind.SQLITE) {
            this.groupCommit = new GroupCommit(writer, "sqlite-writer");
            this.readThreads = Executors.newFixedThreadPool(SQLITE_READERS, Thread.ofPlatform().name("sqlite-reader-", 0).daemon().factory());
        } else {
            this.groupCommit = null;
            this.readThreads = null;
        }
    }

    /** Opens (creating if needed) and migrates the database named by a TRIBUNE_DATABASE value. */
    public static Database open(String url) {
        Database db;
        if (url.startsWith("sqlite:")) {
            db = openSqlite(Path.of(url.substring("sqlite:".length())));
        } else {
            db = openPostgres(url);
        }
        db.migrate();
        return db;
    }

    private static Database openSqlite(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the folder for " + file + ": " + e.getMessage(), e);
        }
        String jdbc = "jdbc:sqlite:" + file.toAbsolutePath();
        HikariDataSource w = sqlitePool(jdbc, 1, "sqlite-write", WRITER_CACHE_KIB);
        HikariDataSource r = sqlitePool(jdbc, SQLITE_READERS, "sqlite-read", READER_CACHE_KIB);
        return new Database(Kind.SQLITE, "SQLite " + file.toAbsolutePath(), w, r);
    }

    /**
     * Page cache per connection. The writer updates a dozen indexes of the comment table per post
     * (by text, writer, address, thread, time …), scattered over a large file: SQLite's default
     * 2 MB keeps few of their pages.
     */
    private static final int WRITER_CACHE_KIB = 64 * 1024;
    private static final int READER_CACHE_KIB = 16 * 1024;

    private static HikariDataSource sqlitePool(String jdbc, int size, String name, int cacheKib) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(jdbc);
        c.setPoolName(name);
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(1);
        c.addDataSourceProperty("journal_mode", "WAL");
        c.addDataSourceProperty("foreign_keys", "true");
        c.addDataSourceProperty("busy_timeout", "10000");
        // WAL with NORMAL: a commit is durable against a crash of the process; only a power cut
        // can lose the last commits (never corrupt the file). Temporary tables stay in memory.
        c.addDataSourceProperty("synchronous", "NORMAL");
        c.addDataSourceProperty("cache_size", Integer.toString(-cacheKib));
        c.addDataSourceProperty("temp_store", "MEMORY");
        c.setConnectionInitSql("pragma foreign_keys = on");
        return new HikariDataSource(c);
    }

    private static Database openPostgres(String url) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(postgresJdbcUrl(url));
        c.setPoolName("postgresql");
        c.setMaximumPoolSize(Integer.getInteger("tribune.pg.pool", 16));
        HikariDataSource ds = new HikariDataSource(c);
        return new Database(Kind.POSTGRESQL, "PostgreSQL " + ds.getJdbcUrl().replaceAll("password=[^&]*", "password=…"), ds, ds);
    }

    /** Turns postgresql://user:pass@host:port/db?x=y into a JDBC URL; jdbc: URLs pass through. */
    public static String postgresJdbcUrl(String url) {
        if (url.startsWith("jdbc:")) return url;
        URI u = URI.create(url.replaceFirst("^postgres://", "postgresql://"));
        StringBuilder s = new StringBuilder("jdbc:postgresql://").append(u.getHost() == null ? "localhost" : u.getHost());
        if (u.getPort() > 0) s.append(':').append(u.getPort());
        s.append(u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath());
        String sep = "?";
        if (u.getRawQuery() != null) { s.append('?').append(u.getRawQuery()); sep = "&"; }
        if (u.getUserInfo() != null) {
            String[] up = u.getUserInfo().split(":", 2);
            // The driver decodes its parameters: a password with & or = must reach it encoded.
            s.append(sep).append("user=").append(java.net.URLEncoder.encode(up[0], java.nio.charset.StandardCharsets.UTF_8));
            sep = "&";
            if (up.length > 1) s.append(sep).append("password=").append(java.net.URLEncoder.encode(up[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    private void migrate() {
        String folder = kind == Kind.SQLITE ? "db/sqlite" : "db/postgresql";
        Flyway.configure()
                .dataSource(writePool)
                .locations("classpath:" + folder)
                .loggers("slf4j")
                .load()
                .migrate();
    }

    public Kind kind() { return kind; }

    /** The differences of this database's SQL from the other's. */
    public Dialect dialect() { return kind == Kind.SQLITE ? Dialect.SQLITE : Dialect.POSTGRESQL; }

    /** The tables, columns, keys and indexes of this database, from its own catalog. */
    public Catalog catalog() {
        return read(h -> {
            try {
                return Catalog.read(h.getConnection(), dialect());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read the catalog of " + description + ": " + e.getMessage(), e);
            }
        });
    }

    public String description() { return description; }

    /**
     * Hands the SQL of every statement run from now on, on any connection, to the watcher until
     * the returned handle is closed: how tests and benchmarks count the statements of a request.
     */
    public AutoCloseable watchStatements(Consumer<String> watcher) {
        statementWatchers.add(watcher);
        return () -> statementWatchers.remove(watcher);
    }

    /** Runs read-only work on a reader connection. */
    public <T> T read(Function<Handle, T> work) {
        return run(readThreads, () -> reader.withHandle(work::apply));
    }

    /**
     * Runs work in one transaction on the writer connection: the caller gets its result (or its
     * exception) only once that transaction committed. On SQLite the transaction may hold other
     * callers' work too, each in its own savepoint, so work must not commit, roll back or wait for
     * other writes itself; one caller's failure undoes only its own work.
     */
    public <T> T write(Function<Handle, T> work) {
        if (groupCommit != null) return groupCommit.run(work);
        return run(null, () -> writer.inTransaction(work::apply));
    }

    /**
     * Runs work (reads and writes) while no other work under any of these names runs in this
     * process: a writer's posts, judged on their past and stored one after the other. With SQLite
     * this process is the only writer, so that covers every write; with PostgreSQL other nodes
     * may write too ({@link #sharedByNodes}), which {@link Dialect#lockNames} inside the
     * transaction covers.
     */
    public <T> T oneAtATime(java.util.Collection<String> lockNames, java.util.function.Supplier<T> work) {
        return names.holding(lockNames, work);
    }

    /** Whether other processes (Tribune nodes) may write to this database at the same time. */
    public boolean sharedByNodes() { return kind == Kind.POSTGRESQL; }

    /** Runs work in one transaction on the writer connection, returning nothing. */
    public void update(java.util.function.Consumer<Handle> work) {
        write(h -> { work.accept(h); return null; });
    }

    private static <T> T run(ExecutorService pool, Callable<T> task) {
        if (pool == null) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return await(pool.submit(task));
    }

    /** Waits for work handed to a database thread, and rethrows what it threw as it was thrown. */
    static <T> T await(java.util.concurrent.Future<T> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }

    @Override
    public void close() {
        if (groupCommit != null) groupCommit.close();
        if (readThreads != null) readThreads.shutdown();
        if (readPool != writePool) readPool.close();
        writePool.close();
    }
}
