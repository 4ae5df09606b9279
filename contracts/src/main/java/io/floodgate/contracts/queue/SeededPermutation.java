package io.floodgate.contracts.queue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The pre-queue's random order, re-derivable by anyone from the seed recorded in
 * {@link LineOpened}. Algorithm {@value #ALGORITHM}: a balanced Feistel network of
 * {@value #ROUNDS} rounds over the smallest domain of 2^(2h) values that holds {@code size},
 * with round function F(r, x) = the first 8 bytes of SHA-256(seed as 8 bytes big-endian, r as
 * one byte, x as 8 bytes big-endian) masked to h bits; values outside [0, size) are walked
 * through the network again until they fall inside. Both directions cost O(1) and no storage,
 * so the millionth pre-queued buyer's place is computed as cheaply as the first's.
 */
public final class SeededPermutation {
    public static final String ALGORITHM = "feistel-sha256-v1";
    private static final int ROUNDS = 6;

    private final long seed;
    private final long size;
    private final int halfBits;
    private final long mask;

    public SeededPermutation(long seed, long size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, was " + size);
        }
        this.seed = seed;
        this.size = size;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(size - 1));
        this.halfBits = (bits + 1) / 2;
        this.mask = (1L << halfBits) - 1;
    }

    /** The place (0-based) in the shuffled order of the pre-queue's {@code index}-th arrival. */
    public long apply(long index) {
        check(index);
        long y = encrypt(index);
        while (y >= size) {
            y = encrypt(y);
        }
        return y;
    }

    /** Which pre-queue arrival has the shuffled place {@code place}: the inverse of {@link #apply}. */
    public long invert(long place) {
        check(place);
        long x = decrypt(place);
        while (x >= size) {
            x = decrypt(x);
        }
        return x;
    }

    private long encrypt(long value) {
        long left = value >>> halfBits;
        long right = value & mask;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ round(round, right);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }

    private long decrypt(long value) {
        long left = value >>> halfBits;
        long right = value & mask;
        for (int round = ROUNDS - 1; round >= 0; round--) {
            long previous = right ^ round(round, left);
            right = left;
            left = previous;
        }
        return (left << halfBits) | right;
    }

    private long round(int round, long half) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(ByteBuffer.allocate(17).putLong(seed).put((byte) round).putLong(half).array());
            return ByteBuffer.wrap(digest).getLong() & mask;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private void check(long value) {
        if (value < 0 || value >= size) {
            throw new IllegalArgumentException(value + " is outside [0, " + size + ")");
        }
    }
}
