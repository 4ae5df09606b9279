package io.floodgate.payment.pacing;

import io.floodgate.payment.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SharesTest {
    private static final int RATE = 600;

    /** Calls a minute the instance may start, from its pacer's interval. */
    private static double perMinute(Pacer pacer) {
        return pacer.interval().map(i -> Duration.ofMinutes(1).toNanos() / (double) i.toNanos()).orElse(0.0);
    }

    @Test
    void withMoreInstancesThanPartitionsTheSharesStillAddUpToTheProvidersRate() {
        // Eight instances, six partitions in each of the two groups, the groups assigned independently.
        int[] charges = {1, 1, 1, 1, 1, 1, 0, 0};
        int[] refunds = {0, 0, 1, 1, 1, 1, 1, 1};
        List<Pacer> pacers = new ArrayList<>();
        for (int i = 0; i < charges.length; i++) {
            Pacer pacer = new Pacer(new ManualClock(), RATE, 0);
            Shares shares = new Shares(pacer, new SaleRates(new ManualClock(), 0), "charges");
            shares.owned("charges", charges[i], 6);
            shares.owned("refunds", refunds[i], 6);
            pacers.add(pacer);
        }

        assertEquals(RATE, pacers.stream().mapToDouble(SharesTest::perMinute).sum(), 0.01);
    }

    @Test
    void anInstanceThatOwnsNoPartitionMakesNoCalls() {
        Pacer pacer = new Pacer(new ManualClock(), RATE, 0);
        Shares shares = new Shares(pacer, new SaleRates(new ManualClock(), 0), "charges");
        shares.owned("charges", 0, 6);
        shares.owned("refunds", 0, 6);

        assertEquals(0, perMinute(pacer));
    }
}
