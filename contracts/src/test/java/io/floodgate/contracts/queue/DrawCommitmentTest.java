package io.floodgate.contracts.queue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrawCommitmentTest {
    private static final String NONCE = "00112233445566778899aabbccddeeff";

    @Test
    void theCommitmentIsWhatTheDocumentedShellLinePrints() {
        // printf '%s:%s' 00112233445566778899aabbccddeeff -42 | sha256sum   (docs/waiting-room.md)
        assertEquals("4ee8748a3f212fd5018117312dc8abef217c4add7feb1033c36c04e48ceac84a", DrawCommitment.of(NONCE, -42));
    }

    @Test
    void anotherSeedNonceOrSchemeDoesNotMatch() {
        String commitment = DrawCommitment.of(NONCE, -42);
        assertTrue(DrawCommitment.matches(DrawCommitment.SCHEME, commitment, NONCE, -42));
        assertFalse(DrawCommitment.matches(DrawCommitment.SCHEME, commitment, NONCE, 42));
        assertFalse(DrawCommitment.matches(DrawCommitment.SCHEME, commitment, "ff" + NONCE.substring(2), -42));
        assertFalse(DrawCommitment.matches("sha256-v0", commitment, NONCE, -42));
        assertFalse(DrawCommitment.matches(DrawCommitment.SCHEME, commitment, null, -42));
    }

    @Test
    void onlyANonceOfThirtyTwoLowercaseHexDigitsMatches() {
        for (String bad : new String[]{NONCE.toUpperCase(), NONCE + "0", NONCE.substring(1), "'; rm -rf ~; '" + NONCE,
                NONCE.substring(0, 31) + "g"}) {
            assertFalse(DrawCommitment.matches(DrawCommitment.SCHEME, DrawCommitment.of(bad, -42), bad, -42), bad);
        }
    }
}
