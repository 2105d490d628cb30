package dev.tribune.live;

import java.util.function.Consumer;

/** The bridge of a single node (SQLite): every change is made here, so there is nobody else to tell. */
public final class LocalBridge implements Bridge {
    @Override
    public void start(Consumer<Change> heard) { }

    @Override
    public void announce(Change change) { }

    @Override
    public boolean crossNode() { return false; }

    @Override
    public void close() { }
}
