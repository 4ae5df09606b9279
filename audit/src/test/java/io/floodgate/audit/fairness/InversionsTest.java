package io.floodgate.audit.fairness;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InversionsTest {
    @Test
    void countsPairsOutOfOrder() {
        assertEquals(0, Inversions.count(new long[]{}));
        assertEquals(0, Inversions.count(new long[]{1, 2, 3, 4}));
        assertEquals(1, Inversions.count(new long[]{1, 3, 2, 4}));
        assertEquals(6, Inversions.count(new long[]{4, 3, 2, 1}));
        assertEquals(Inversions.pairs(4), Inversions.count(new long[]{4, 3, 2, 1}));
        assertEquals(0, Inversions.count(new long[]{2, 2, 2}), "equal values are not out of order");
    }

    @Test
    void agreesWithCountingEveryPairOnRandomOrders() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            long[] values = random.longs(1 + random.nextInt(300), 0, 100).toArray();
            long pairs = 0;
            for (int i = 0; i < values.length; i++) {
                for (int j = i + 1; j < values.length; j++) {
                    if (values[i] > values[j]) {
                        pairs++;
                    }
                }
            }
            assertEquals(pairs, Inversions.count(values));
        }
    }

    @Test
    void nearestRankPercentilesAreWaitsSomeoneHad() {
        Waits w = Waits.of(new long[]{500, 100, 400, 200, 300, 600, 700, 800, 900, 1000});
        assertEquals(new Waits(10, 500, 900, 1000, 1000), w);
        assertEquals(new Waits(0, 0, 0, 0, 0), Waits.of(new long[]{}));
    }
}
