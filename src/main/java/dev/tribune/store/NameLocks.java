package dev.tribune.store;

import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * In-process locks by name, striped so that any number of names takes a fixed amount of memory.
 * Two names may share a stripe and then wait for each other needlessly, never wrongly.
 */
final class NameLocks {
    private final ReentrantLock[] stripes;

    NameLocks(int count) {
        stripes = new ReentrantLock[count];
        for (int i = 0; i < count; i++) stripes[i] = new ReentrantLock();
    }

    <T> T holding(Collection<String> names, Supplier<T> work) {
        // Stripes are taken in index order, so two callers sharing some names cannot deadlock.
        int[] taken = stripesOf(names);
        int locked = 0;
        try {
            for (int i : taken) {
                stripes[i].lock();
                locked++;
            }
            return work.get();
        } finally {
            for (int i = locked - 1; i >= 0; i--) stripes[taken[i]].unlock();
        }
    }

    /** The distinct stripes of these names in index order (a loop: this runs on every post, with one or two names). */
    private int[] stripesOf(Collection<String> names) {
        int[] all = new int[names.size()];
        int n = 0;
        for (String name : names) all[n++] = Math.floorMod(name.hashCode(), stripes.length);
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < n; i++) if (distinct == 0 || all[i] != all[distinct - 1]) all[distinct++] = all[i];
        return Arrays.copyOf(all, distinct);
    }
}
