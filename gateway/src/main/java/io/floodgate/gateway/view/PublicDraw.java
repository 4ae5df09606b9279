package io.floodgate.gateway.view;

import io.floodgate.contracts.queue.DrawCommitment;

/**
 * The pre-queue draw as anyone may see it: its commitment from the sale's start, the seed and
 * nonce once the line opened (never before: with the nonce, the seed could be searched for).
 *
 * @param scheme     how the commitment was computed ({@link DrawCommitment#SCHEME})
 * @param commitment hex SHA-256 of {@code nonce:seed}; null for a sale drawn before commitments
 * @param seed       revealed at opening, null until then; in decimal text, as a JavaScript number
 *                   cannot hold 64 bits
 * @param nonce      revealed with the seed
 * @param check      how to check it, in one shell line, once revealed
 */
public record PublicDraw(String scheme, String commitment, String seed, String nonce, String check) {
    static final PublicDraw NONE = new PublicDraw(null, null, null, null, null);

    PublicDraw committed(String committedScheme, String hash) {
        return commitment != null || hash == null ? this : new PublicDraw(committedScheme, hash, seed, nonce, check);
    }

    PublicDraw revealed(long drawnSeed, String drawnNonce) {
        if (seed != null) {
            return this;
        }
        // Only a well-formed nonce gets a line to paste into a shell, and its arguments are quoted all the same.
        String howToCheck = !DrawCommitment.wellFormedNonce(drawnNonce) ? null
                : "printf '%s:%s' '" + drawnNonce + "' '" + drawnSeed + "' | sha256sum";
        return new PublicDraw(scheme, commitment, Long.toString(drawnSeed), drawnNonce, howToCheck);
    }
}
