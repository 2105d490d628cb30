package dev.tribune.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * SQLite's single writer, committing writes that arrive together in one transaction. A commit
 * (the WAL append and its lock) costs far more than a comment's few inserts, so while one batch
 * commits, the writes that queue up behind it go into the next one, each in its own savepoint:
 * a write that fails is rolled back to its savepoint and fails alone, and the others commit.
 * Nobody hears back before the transaction holding their write has committed; if the commit
 * itself fails, every write of the batch runs again in a transaction of its own.
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** The most writes one transaction takes; more wait for the next. */
    static final int MAX_BATCH = 200;

    private record Job<T>(Function<Handle, T> work, CompletableFuture<T> done) {}

    private static final Job<Void> STOP = new Job<>(h -> null, new CompletableFuture<>());

    private final Jdbi writer;
    private final LinkedBlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile long commits;

    GroupCommit(Jdbi writer, String threadName) {
        this.writer = writer;
        // SQLite's driver is native code that pins a virtual thread to its carrier: a platform thread writes.
        this.thread = Thread.ofPlatform().name(threadName).daemon().start(this::loop);
    }

    /** Queues the work and waits until the transaction holding it committed (or it failed). */
    <T> T run(Function<Handle, T> work) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a write must not start another write and wait for it");
        }
        if (closed) throw new IllegalStateException("the database is closed");
        Job<T> job = new Job<>(work, new CompletableFuture<>());
        queue.add(job);
        return Database.await(job.done());
    }

    private void loop() {
        List<Job<?>> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stop = batch.remove(STOP);
            if (batch.size() == 1) {
                alone(batch.getFirst());
            } else if (!batch.isEmpty()) {
                together(batch);
            }
            batch.clear();
            if (stop) break;
        }
        Job<?> left;
        while ((left = queue.poll()) != null) left.done().completeExceptionally(new IllegalStateException("the database is closed"));
    }

    /** One write in its own transaction, as without batching. */
    private void alone(Job<?> job) {
        Object result;
        try {
            result = writer.inTransaction(h -> job.work().apply(h));
        } catch (Throwable t) {
            job.done().completeExceptionally(t);
            return;
        }
        commits++;
        complete(job, result);
    }

    /** Several writes in one transaction, each in a savepoint; their callers hear back after the commit. */
    private void together(List<Job<?>> batch) {
        List<Job<?>> succeeded = new ArrayList<>(batch.size());
        List<Object> results = new ArrayList<>(batch.size());
        List<Throwable> failures = new ArrayList<>();
        List<Job<?>> failed = new ArrayList<>();
        boolean committed = false;
        boolean broken = false;
        try (Handle h = writer.open()) {
            h.begin();
            try {
                for (Job<?> job : batch) {
                    Jdbc.update(h, "savepoint write");
                    Object result;
                    try {
                        result = job.work().apply(h);
                    } catch (RuntimeException | Error e) {
                        Jdbc.update(h, "rollback to savepoint write");
                        Jdbc.update(h, "release savepoint write");
                        failed.add(job);
                        failures.add(e);
                        continue;
                    }
                    Jdbc.update(h, "release savepoint write");
                    succeeded.add(job);
                    results.add(result);
                }
                h.commit();
                committed = true;
                commits++;
            } catch (RuntimeException | Error e) {
                LOG.warn("a transaction of {} writes failed as a whole; each is tried again alone", batch.size(), e);
                rollbackQuietly(h);
                broken = true;
            }
        } catch (RuntimeException | Error cannotOpenOrClose) {
            if (!committed) {
                for (Job<?> job : batch) job.done().completeExceptionally(cannotOpenOrClose);
                return;
            }
            // Committed; only giving the connection back failed, which the pool deals with.
        }
        for (int i = 0; i < failed.size(); i++) failed.get(i).done().completeExceptionally(failures.get(i));
        if (broken) {
            // The transaction could not go on or commit, so nothing of it was kept: each write
            // that had not failed by itself is tried again in a transaction of its own.
            for (Job<?> job : batch) if (!failed.contains(job)) alone(job);
            return;
        }
        for (int i = 0; i < succeeded.size(); i++) complete(succeeded.get(i), results.get(i));
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Job<T> job, Object result) {
        job.done().complete((T) result);
    }

    private static void rollbackQuietly(Handle h) {
        try {
            if (h.isInTransaction()) h.rollback();
        } catch (RuntimeException ignored) {
            // the connection is closed next; SQLite rolls back whatever was left open
        }
    }

    /** Writes queued and not yet taken by the writer (for tests). */
    int waiting() { return queue.size(); }

    /** Transactions committed so far (for tests). */
    long commits() { return commits; }

    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
