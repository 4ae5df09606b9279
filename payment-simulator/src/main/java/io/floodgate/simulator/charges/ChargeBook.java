package io.floodgate.simulator.charges;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The provider's own record of charges and refunds, and the idempotency rules a real provider
 * keeps: a repeated key gets the first answer back and never a second charge, and a key whose
 * first request is still being answered is refused as in flight. Kept in memory and, given a
 * {@link ChargeJournal} on disk, across restarts.
 */
public final class ChargeBook {
    /** The payment method that is always declined, whatever the decline rate. */
    public static final String DECLINING_METHOD = "tok_decline";
    /** The payment method the provider does not accept at all: the request is refused (HTTP 400). */
    public static final String INVALID_METHOD = "tok_invalid";

    private final Clock clock;
    private final double declineRate;
    private final Map<String, Charge> byKey = new HashMap<>();
    private final Map<String, String> keyByChargeId = new HashMap<>();
    private final Map<String, String> chargeIdByRefundKey = new HashMap<>();
    /** Keys of the requests being answered. */
    private final Set<String> inFlight = new HashSet<>();
    private final ChargeJournal journal;

    public ChargeBook(Clock clock, double declineRate) {
        this(clock, declineRate, List.of(), ChargeJournal.none());
    }

    /** @param earlier the charges recorded before, oldest first, as {@link ChargeJournal#read} gives them */
    public ChargeBook(Clock clock, double declineRate, List<Charge> earlier, ChargeJournal journal) {
        this.clock = clock;
        this.declineRate = declineRate;
        this.journal = journal;
        earlier.forEach(this::index);
    }

    /**
     * A request with {@code idempotencyKey} arrives: it is in flight until {@link #answered}.
     *
     * @throws KeyInFlight while another request with the key is being answered
     */
    public synchronized void arrived(String idempotencyKey) {
        if (!inFlight.add(idempotencyKey)) {
            throw new KeyInFlight(idempotencyKey);
        }
    }

    /** The answer to a request with {@code idempotencyKey} has gone out: the key may be asked again. */
    public synchronized void answered(String idempotencyKey) {
        inFlight.remove(idempotencyKey);
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
            put(again);
            return new Recorded<>(again, false);
        }
        if (INVALID_METHOD.equals(attempt.paymentMethod())) {
            throw new InvalidPaymentMethod(attempt.paymentMethod());
        }
        String declineReason = declineReason(attempt);
        Charge charge = new Charge("ch_" + UUID.randomUUID(), attempt.idempotencyKey(), attempt.saleId(),
                attempt.reference(), attempt.amountCents(), attempt.currency(), attempt.paymentMethod(),
                declineReason == null ? ChargeStatus.AUTHORIZED : ChargeStatus.DECLINED, declineReason,
                clock.instant(), null, 1);
        put(charge);
        return new Recorded<>(charge, true);
    }

    /** The one charge first made under {@code idempotencyKey}, if any. */
    public synchronized Optional<Charge> byKey(String idempotencyKey) {
        return Optional.ofNullable(byKey.get(idempotencyKey));
    }

    /** Records a change: on disk first, so that no answer is given that a restart would forget. */
    private void put(Charge charge) {
        journal.write(charge);
        index(charge);
    }

    private void index(Charge charge) {
        byKey.put(charge.idempotencyKey(), charge);
        keyByChargeId.put(charge.chargeId(), charge.idempotencyKey());
        if (charge.refund() != null) {
            chargeIdByRefundKey.put(charge.refund().idempotencyKey(), charge.chargeId());
        }
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
        put(refunded);
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

    /** A request with this key is still being answered (a real provider's 409 idempotency_key_in_use). */
    public static final class KeyInFlight extends RuntimeException {
        public KeyInFlight(String key) {
            super("a request with idempotency key " + key + " is still being processed");
        }
    }

    /** The provider does not accept this payment method at all. */
    public static final class InvalidPaymentMethod extends RuntimeException {
        public InvalidPaymentMethod(String method) {
            super("payment method " + method + " is not valid");
        }
    }

    /** No charge has that id. */
    public static final class UnknownCharge extends RuntimeException {
        public UnknownCharge(String chargeId) {
            super("no charge " + chargeId);
        }
    }
}
