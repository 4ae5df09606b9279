package io.floodgate.gateway.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathIdsTest {
    @Test
    void theIdsTheGatewayIssuesAndAcceptsPass() {
        for (String id : new String[] {"demo", "summer-2026", "floor", "0b9f6c1e-3f7a-4c1d-9a55-2f6f0c3f1a77",
                "alice@example.com", "B-7", "x".repeat(64)}) {
            assertTrue(PathIds.valid(id), id);
        }
    }

    @Test
    void controlCharactersSpacesOtherCharactersAndLongIdsAreRefused() {
        for (String id : new String[] {"ab\u0000cd", "a b", "a/b", "ünï", "", "x".repeat(65), "a\nb", "'; drop"}) {
            assertFalse(PathIds.valid(id), id);
        }
    }
}
