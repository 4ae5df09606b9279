package io.floodgate.queue.line;

import io.floodgate.contracts.queue.DrawCommitment;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A sale's pre-queue draw, made when queue-service first learns of the sale and kept secret in
 * its store until the line opens; only its {@link #commitment()} is published before.
 *
 * @param seed  what orders the pre-queue ({@link io.floodgate.contracts.queue.SeededPermutation})
 * @param nonce 128 random bits in hex, so the commitment of a 64-bit seed cannot be brute-forced
 */
public record Draw(long seed, String nonce) {

    public static Draw random(SecureRandom random) {
        byte[] nonce = new byte[DrawCommitment.NONCE_BYTES];
        random.nextBytes(nonce);
        return new Draw(random.nextLong(), HexFormat.of().formatHex(nonce));
    }

    public String commitment() {
        return DrawCommitment.of(nonce, seed);
    }
}
