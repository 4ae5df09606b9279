package io.floodgate.proofofwork;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpentSolutionsTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aSpentSolutionIsRememberedUntilItsExpiryThenLeaves() {
        SpentSolutions spent = new SpentSolutions(10);
        spent.spend(1, T0.plusSeconds(300), T0);

        assertFalse(spent.spend(1, T0.plusSeconds(300), T0.plusSeconds(299)));
        spent.spend(2, T0.plusSeconds(600), T0.plusSeconds(300));
        assertEquals(1, spent.size(), "the first left at its expiry");
    }

    @Test
    void whenFullTheSolutionThatExpiresFirstLeavesEarlyAndIsCounted() {
        SpentSolutions spent = new SpentSolutions(2);
        spent.spend(1, T0.plusSeconds(100), T0);
        spent.spend(2, T0.plusSeconds(200), T0);

        assertTrue(spent.spend(3, T0.plusSeconds(300), T0));

        assertEquals(2, spent.size());
        assertEquals(1, spent.evictedEarly());
        assertFalse(spent.spend(2, T0.plusSeconds(200), T0), "the later ones are still remembered");
    }
}
