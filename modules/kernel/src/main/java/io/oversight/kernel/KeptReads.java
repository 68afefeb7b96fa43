package io.oversight.kernel;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Values read from the database and kept in memory for a bounded time: configuration and standing
 * that every request of a hot path needs and that changes a few times a day.
 *
 * <p>Freshness: {@link #forgetAll()}, called once a change on this server has committed, discards
 * every kept value, so the next request here reads the new one. A change made on another server is
 * seen when the kept value's time to live runs out, by the request that reads it again and by all
 * that come after that read (those arriving during the read still use the value it replaces: a busy
 * key would otherwise have every concurrent request read it in the same instant). A value read while
 * a change committed is never kept past that change: values carry the generation they were read in.
 *
 * @param <K> what a value is kept by (a workflow, a reviewer in a workflow)
 * @param <V> the value kept (an {@code Optional} where "none" is an answer worth keeping)
 */
public final class KeptReads<K, V> {

    private record Kept<V>(V value, long generation, long readAtNanos) {
    }

    private final Map<K, Kept<V>> byKey = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Set<K> rereading = ConcurrentHashMap.newKeySet();
    private final LongSupplier boundMillis;
    private final LongSupplier nanoTime;
    private final int maxKept;

    /**
     * @param boundMillis how long a value is used before it is read again (0: read every time); asked
     *                    on every call, so that it may come from configuration injected later
     * @param maxKept     beyond this many keys all are forgotten (a bound on memory for per-person keys)
     * @param nanoTime    the clock that ages values ({@code System::nanoTime}; a test's own)
     */
    public KeptReads(LongSupplier boundMillis, int maxKept, LongSupplier nanoTime) {
        this.boundMillis = boundMillis;
        this.maxKept = maxKept;
        this.nanoTime = nanoTime;
    }

    /** The value kept for {@code key}, or the one {@code read} returns when the kept one is too old or superseded. */
    public V get(K key, Function<K, V> read) {
        Kept<V> kept = byKey.get(key);
        long now = nanoTime.getAsLong();
        boolean current = kept != null && kept.generation == generation.get();
        if (current && now - kept.readAtNanos < boundMillis.getAsLong() * 1_000_000L) {
            return kept.value;
        }
        if (!current) {
            return read(key, read, now);
        }
        if (!rereading.add(key)) {
            return kept.value;
        }
        try {
            return read(key, read, now);
        } finally {
            rereading.remove(key);
        }
    }

    private V read(K key, Function<K, V> read, long now) {
        long readIn = generation.get();
        V value = read.apply(key);
        if (byKey.size() >= maxKept) {
            byKey.clear();
        }
        byKey.put(key, new Kept<>(value, readIn, now));
        return value;
    }

    /** A change committed on this server: nothing read before it is used again. */
    public void forgetAll() {
        generation.incrementAndGet();
        byKey.clear();
    }
}
