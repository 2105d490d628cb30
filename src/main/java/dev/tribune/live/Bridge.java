package dev.tribune.live;

import java.util.function.LongConsumer;

/**
 * Wakes the live hubs of the other nodes when a discussion changed. It only carries the
 * discussion id: the woken hub reads the event table itself, so a lost wake-up loses no event.
 */
public interface Bridge extends AutoCloseable {

    /** Starts listening; wake is called with a discussion id (or -1: "something may have been missed, look at all"). */
    void start(LongConsumer wake);

    /** Tells the other nodes that a discussion has new events (called after the change committed). */
    void announce(long discussionId);

    /** Whether other nodes can write events this node did not see: then the hub also sweeps now and then. */
    boolean crossNode();

    @Override
    void close();
}
