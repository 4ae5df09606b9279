package io.floodgate.proofofwork;

import java.time.Instant;

/**
 * An ALTCHA challenge, in the fields (and names) ALTCHA clients read: find the {@code number} in
 * 0..{@code maxnumber} for which SHA-256(salt + number) is {@code challenge}, then send back
 * base64(JSON {algorithm, challenge, number, salt, signature}). The salt carries the sale, the
 * identity, the difficulty and the expiry, all covered by the signature.
 */
public record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature,
                        Instant expiresAt) {
}
