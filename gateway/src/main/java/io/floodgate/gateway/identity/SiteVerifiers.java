package io.floodgate.gateway.identity;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that verify site tokens, never a Netty event loop: one per core (the work is a
 * signature check, CPU) and a bounded backlog, beyond which joins are refused 503 at once
 * instead of queueing without limit. The per-address join limit runs before, on the event loop.
 */
final class SiteVerifiers {
    static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** A few seconds of RS256/ES256 verifications at most: waiting longer would outlast the buyer's patience. */
    static final int BACKLOG = 1000 * THREADS;

    private SiteVerifiers() {
    }

    static ExecutorService create() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = work -> {
            Thread thread = new Thread(work, "site-token-verifier-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(BACKLOG), threads, new ThreadPoolExecutor.AbortPolicy());
    }
}
