package dev.tribune.live;

import java.util.function.Consumer;

/**
 * Tells every node what changed on one of them. It carries only what changed (a discussion id,
 * "sites", …), never the change itself: a woken hub reads the event table, a woken cache reads the
 * database again, so a lost message delays a node but loses nothing.
 */
public interface Bridge extends AutoCloseable {

    /** Starts listening; heard gets every change announced by any node (this one's included), and {@link Change#MISSED} on (re)connecting. */
    void start(Consumer<Change> heard);

    /** Tells the other nodes what changed (called after the change committed). */
    void announce(Change change);

    /** Whether other nodes can write events this node did not see: then the hub also sweeps now and then. */
    boolean crossNode();

    @Override
    void close();
}
