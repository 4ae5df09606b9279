package io.floodgate.contracts.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The pre-queue draw's commitment, scheme {@value #SCHEME}: the lowercase hex SHA-256 of the
 * UTF-8 text {@code <nonce>:<seed>}, where {@code nonce} is 32 lowercase hex digits (128 random
 * bits, so the 64-bit seed cannot be found by hashing every candidate) and {@code seed} is the
 * seed in signed decimal as {@link LineOpened} carries it. A text, not packed bytes, so a buyer
 * checks it with {@code printf '%s:%s' NONCE SEED | sha256sum}.
 */
public final class DrawCommitment {
    public static final String SCHEME = "sha256-nonce-seed-v1";
    /** Bytes of randomness in a nonce. */
    public static final int NONCE_BYTES = 16;
    private static final Pattern NONCE = Pattern.compile("[0-9a-f]{32}");

    private DrawCommitment() {
    }

    public static String of(String nonce, long seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((nonce + ":" + seed).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Whether the revealed {@code nonce} and {@code seed} are what {@code commitment} (of {@code scheme}) promised. */
    public static boolean matches(String scheme, String commitment, String nonce, long seed) {
        return SCHEME.equals(scheme) && commitment != null && wellFormedNonce(nonce)
                && MessageDigest.isEqual(commitment.getBytes(StandardCharsets.UTF_8),
                of(nonce, seed).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code nonce} is 32 lowercase hex digits: anything else is refused (and never put in a shell line). */
    public static boolean wellFormedNonce(String nonce) {
        return nonce != null && NONCE.matcher(nonce).matches();
    }
}
