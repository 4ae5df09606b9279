package io.floodgate.simulator.charges;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The provider's own record of charges and refunds, and the idempotency rules a real provider
 * keeps: a repeated key gets the first answer back and never a second charge. Kept in memory:
 * it lives as long as the simulator process.
 */
public final class ChargeBook {
    /** The payment method that is always declined, whatever the decline rate. */
    public static final String DECLINING_METHOD = "tok_decline";

    private final Clock clock;
    private final double declineRate;
    private final Map<String, Charge> byKey = new HashMap<>();
    private final Map<String, String> keyByChargeId = new HashMap<>();
    private final Map<String, String> chargeIdByRefundKey = new HashMap<>();

    public ChargeBook(Clock clock, double declineRate) {
        this.clock = clock;
        this.declineRate = declineRate;
    }

    /** The outcome of this attempt; the same outcome again for a repeated key. */
    public synchronized Recorded<Charge> charge(ChargeAttempt attempt) {
        Charge earlier = byKey.get(attempt.idempotencyKey());
        if (earlier != null) {
            if (!earlier.sameRequest(attempt)) {
                throw new IdempotencyConflict("idempotency key " + attempt.idempotencyKey()
                        + " was first used for a different charge");
            }
            Charge again = earlier.askedAgain();
            byKey.put(again.idempotencyKey(), again);
            return new Recorded<>(again, false);
        }
        String declineReason = declineReason(attempt);
        Charge charge = new Charge("ch_" + UUID.randomUUID(), attempt.idempotencyKey(), attempt.saleId(),
                attempt.reference(), attempt.amountCents(), attempt.currency(), attempt.paymentMethod(),
                declineReason == null ? ChargeStatus.AUTHORIZED : ChargeStatus.DECLINED, declineReason,
                clock.instant(), null, 1);
        byKey.put(charge.idempotencyKey(), charge);
        keyByChargeId.put(charge.chargeId(), charge.idempotencyKey());
        return new Recorded<>(charge, true);
    }

    /**
     * Refunds an authorized charge in full; a repeated key, or a second refund of the same
     * charge, gets the first refund back.
     */
    public synchronized Recorded<Charge> refund(String chargeId, String idempotencyKey) {
        String earlierChargeId = chargeIdByRefundKey.get(idempotencyKey);
        if (earlierChargeId != null && !earlierChargeId.equals(chargeId)) {
            throw new IdempotencyConflict("idempotency key " + idempotencyKey + " was first used for another refund");
        }
        Charge charge = find(chargeId).orElseThrow(() -> new UnknownCharge(chargeId));
        if (!charge.authorized()) {
            throw new IdempotencyConflict("charge " + chargeId + " was declined; there is nothing to refund");
        }
        if (charge.refund() != null) {
            return new Recorded<>(charge, false);
        }
        Charge refunded = charge.refunded(new Refund("re_" + UUID.randomUUID(), idempotencyKey, charge.amountCents(),
                clock.instant()));
        byKey.put(refunded.idempotencyKey(), refunded);
        chargeIdByRefundKey.put(idempotencyKey, chargeId);
        return new Recorded<>(refunded, true);
    }

    public synchronized Optional<Charge> find(String chargeId) {
        return Optional.ofNullable(keyByChargeId.get(chargeId)).map(byKey::get);
    }

    /** Every charge of a sale (or of all sales when {@code saleId} is null), oldest first. */
    public synchronized List<Charge> charges(String saleId) {
        List<Charge> found = new ArrayList<>();
        for (Charge c : byKey.values()) {
            if (saleId == null || saleId.equals(c.saleId())) {
                found.add(c);
            }
        }
        found.sort(Comparator.comparing(Charge::createdAt).thenComparing(Charge::chargeId));
        return found;
    }

    private String declineReason(ChargeAttempt attempt) {
        if (DECLINING_METHOD.equals(attempt.paymentMethod())) {
            return "card_declined";
        }
        return share(attempt.idempotencyKey()) < declineRate ? "insufficient_funds" : null;
    }

    /** A number in [0, 1) fixed by the key, so which charges are declined does not depend on timing. */
    private static double share(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 7; i++) {
                bits = (bits << 8) | (digest[i] & 0xff);
            }
            return bits / (double) (1L << 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer, and whether it was decided now (false: the same answer given before). */
    public record Recorded<T>(T value, boolean created) {
    }

    /** No charge has that id. */
    public static final class UnknownCharge extends RuntimeException {
        public UnknownCharge(String chargeId) {
            super("no charge " + chargeId);
        }
    }
}
