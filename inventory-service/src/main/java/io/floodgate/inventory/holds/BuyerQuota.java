package io.floodgate.inventory.holds;

import java.util.HashMap;
import java.util.Map;

/**
 * One buyer's seats in one sale, for the per-buyer limit: asked for but not yet answered
 * ({@code pending}, by hold id), held, and bought.
 */
public record BuyerQuota(Map<String, Integer> pending, long holding, long bought) {
    public static final BuyerQuota NONE = new BuyerQuota(Map.of(), 0, 0);

    public BuyerQuota {
        pending = Map.copyOf(pending);
    }

    public long used() {
        return pending.values().stream().mapToLong(Integer::longValue).sum() + holding + bought;
    }

    public boolean allows(int quantity, int limit) {
        return used() + quantity <= limit;
    }

    public BuyerQuota reserve(String holdId, int quantity) {
        Map<String, Integer> next = new HashMap<>(pending);
        next.put(holdId, quantity);
        return new BuyerQuota(next, holding, bought);
    }

    /** The request was answered: what it reserved is now held ({@code seats}) or nothing (0). */
    public BuyerQuota answered(String holdId, int seats) {
        if (!pending.containsKey(holdId)) {
            return this;
        }
        Map<String, Integer> next = new HashMap<>(pending);
        next.remove(holdId);
        return new BuyerQuota(next, holding + seats, bought);
    }

    public BuyerQuota released(int seats) {
        return new BuyerQuota(pending, Math.max(0, holding - seats), bought);
    }

    public BuyerQuota sold(int seats) {
        return new BuyerQuota(pending, Math.max(0, holding - seats), bought + seats);
    }
}
