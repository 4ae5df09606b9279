package io.floodgate.queue.admission;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AdmissionBudgetTest {
    @Test
    void theSmallestLimitWins() {
        assertEquals(10, AdmissionBudget.of(10, 1000, 0, 10_000, 0, 500), "the rate");
        assertEquals(3, AdmissionBudget.of(10, 100, 97, 10_000, 0, 500), "room among active shoppers");
        assertEquals(4, AdmissionBudget.of(10, 1000, 20, 24, 20, 500), "seats for shoppers without a hold");
        assertEquals(2, AdmissionBudget.of(10, 1000, 0, 10_000, 0, 2), "who is waiting");
    }

    @Test
    void neverNegative() {
        assertEquals(0, AdmissionBudget.of(10, 5, 7, 0, 3, 100));
    }
}
