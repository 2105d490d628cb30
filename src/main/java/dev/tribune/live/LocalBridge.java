package dev.tribune.live;

import java.util.function.LongConsumer;

/** The bridge of a single node (SQLite): every change is made here, so there is nobody else to wake. */
public final class LocalBridge implements Bridge {
    @Override
    public void start(LongConsumer wake) { }

    @Override
    public void announce(long discussionId) { }

    @Override
    public boolean crossNode() { return false; }

    @Override
    public void close() { }
}
