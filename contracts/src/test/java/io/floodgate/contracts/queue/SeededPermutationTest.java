package io.floodgate.contracts.queue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeededPermutationTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 7, 64, 1000, 4097})
    void everyPlaceIsTakenExactlyOnceAndInvertFindsWhoTookIt(long size) {
        SeededPermutation p = new SeededPermutation(42, size);
        BitSet taken = new BitSet();
        for (long i = 0; i < size; i++) {
            long place = p.apply(i);
            assertTrue(place >= 0 && place < size);
            assertTrue(!taken.get((int) place), "place " + place + " given twice");
            taken.set((int) place);
            assertEquals(i, p.invert(place));
        }
        assertEquals(size, taken.cardinality());
    }

    @Test
    void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
        SeededPermutation a = new SeededPermutation(7, 500);
        SeededPermutation again = new SeededPermutation(7, 500);
        SeededPermutation other = new SeededPermutation(8, 500);
        int differ = 0;
        for (long i = 0; i < 500; i++) {
            assertEquals(a.apply(i), again.apply(i));
            differ += a.apply(i) == other.apply(i) ? 0 : 1;
        }
        assertTrue(differ > 400, "another seed should shuffle differently, " + differ + " of 500 differ");
    }

    @Test
    void theOrderIsShuffledNotKept() {
        SeededPermutation p = new SeededPermutation(123, 1000);
        int inPlace = 0;
        for (long i = 0; i < 1000; i++) {
            inPlace += p.apply(i) == i ? 1 : 0;
        }
        assertTrue(inPlace < 20, inPlace + " of 1000 kept their arrival place");
        assertNotEquals(0, p.apply(0) + p.apply(1));
    }

    @Test
    void valuesOutsideTheDomainAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SeededPermutation(1, 10).apply(10));
        assertThrows(IllegalArgumentException.class, () -> new SeededPermutation(1, 0));
    }
}
