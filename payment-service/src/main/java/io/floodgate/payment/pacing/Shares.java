package io.floodgate.payment.pacing;

import java.util.HashMap;
import java.util.Map;

/**
 * This instance's share of the provider's rate: of all the partitions that feed it calls (the
 * charges' and the refunds'), the part it owns. Each partition of a consumer group belongs to one
 * instance, so the shares of every instance add up to the whole rate however many there are; an
 * instance that owns no partition has share 0 and makes no calls. A sale's own rate is paced by
 * the share of the charges' partitions alone, as only charges use it.
 */
public final class Shares {
    private final Pacer provider;
    private final SaleRates saleRates;
    private final String charges;
    /** Source (topic of a group) -> {partitions owned, partitions in all}. */
    private final Map<String, int[]> owned = new HashMap<>();

    /** @param charges the source whose partitions feed the charges */
    public Shares(Pacer provider, SaleRates saleRates, String charges) {
        this.provider = provider;
        this.saleRates = saleRates;
        this.charges = charges;
    }

    /** After a rebalance of {@code source}'s group: this instance owns {@code mine} of its {@code total} partitions. */
    public synchronized void owned(String source, int mine, int total) {
        owned.put(source, new int[]{mine, total});
        int allMine = owned.values().stream().mapToInt(o -> o[0]).sum();
        int all = owned.values().stream().mapToInt(o -> o[1]).sum();
        provider.share(all == 0 ? 0 : allMine / (double) all);
        int[] ofCharges = owned.get(charges);
        if (ofCharges != null && ofCharges[1] > 0) {
            saleRates.share(ofCharges[0] / (double) ofCharges[1]);
        }
    }
}
