package io.floodgate.queue.access;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.accesscode.AccessCodes;
import io.floodgate.contracts.accesscode.AccessCodesIssued;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.contracts.queue.AccessCodesAdded;
import io.floodgate.contracts.queue.TurnedAwayReason;
import io.floodgate.contracts.sale.SaleState;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Invite-only sales' access codes, in the task that owns the sale's line: it alone decides whether a
 * code is the sale's and unused, so "each code admits one identity once" is exact. Codes are kept by
 * hash ({@code saleId/hash} -> {@link AccessCode}) with a count per sale, at most
 * {@link AccessCodes#MAX_PER_SALE}, and go with the line when it is cleaned up.
 */
public final class AccessCodeGate {
    private static final Logger LOG = LoggerFactory.getLogger(AccessCodeGate.class);
    private static final Pattern HASH = Pattern.compile(AccessCodes.HASH_PATTERN);

    private final KeyValueStore<String, AccessCode> codes;
    private final KeyValueStore<String, Long> counts;

    public AccessCodeGate(KeyValueStore<String, AccessCode> codes, KeyValueStore<String, Long> counts) {
        this.codes = codes;
        this.counts = counts;
    }

    public static String key(String saleId, String hash) {
        return saleId + "/" + hash;
    }

    /** Stores the record's codes; what it added, or empty for a sale that is not invite-only. */
    public Optional<AccessCodesAdded> store(AccessCodesIssued issued, SaleState sale, long nowMs) {
        String saleId = sale.saleId();
        if (!sale.config().inviteOnly() || sale.closed()) {
            // The gateway issues codes only for open invite-only sales: a record from outside the contract.
            LOG.warn("access codes {} for sale {}, which takes none, ignored", issued.meta().eventId(), saleId);
            return Optional.empty();
        }
        long count = issuedIn(saleId);
        int added = 0;
        int duplicates = 0;
        int overLimit = 0;
        int malformed = 0;
        for (String hash : issued.hashes().subList(0, Math.min(issued.hashes().size(), AccessCodes.MAX_PER_RECORD))) {
            if (hash == null || !HASH.matcher(hash).matches()) {
                malformed++;
            } else if (codes.get(key(saleId, hash)) != null) {
                duplicates++;
            } else if (count >= AccessCodes.MAX_PER_SALE) {
                overLimit++;
            } else {
                codes.put(key(saleId, hash), AccessCode.UNUSED);
                count++;
                added++;
            }
        }
        if (malformed > 0) {
            LOG.warn("access codes {} for sale {}: {} entries are not hashes, skipped", issued.meta().eventId(), saleId,
                    malformed);
        }
        counts.put(saleId, count);
        EventMeta meta = EventMeta.of(saleId, "sale:" + saleId, issued.meta().eventId(), Instant.ofEpochMilli(nowMs));
        return Optional.of(new AccessCodesAdded(meta, added, duplicates, overLimit, count));
    }

    /**
     * Lets an arrival with no place yet take one, using its code ({@link AccessCodeRule}); otherwise
     * says why not, and nothing changes.
     */
    public Optional<TurnedAwayReason> enter(BuyerArrived arrived, SaleState sale) {
        String hash = arrived.accessCodeHash();
        String key = hash == null ? null : key(sale.saleId(), hash);
        AccessCode stored = key == null ? null : codes.get(key);
        Optional<TurnedAwayReason> refused = AccessCodeRule.decide(sale.config().inviteOnly(), hash, stored,
                arrived.buyerId());
        if (refused.isEmpty() && stored != null && !stored.used()) {
            codes.put(key, new AccessCode(arrived.buyerId()));
        }
        return refused;
    }

    /** Forgets a cleaned-up sale's count (its codes go with the line's other keys under {@code saleId/}). */
    public void forget(String saleId) {
        counts.delete(saleId);
    }

    private long issuedIn(String saleId) {
        Long count = counts.get(saleId);
        return count == null ? 0 : count;
    }
}
