package io.floodgate.proofofwork;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.altcha.altcha.Altcha;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The rule of "bots pay for each place": challenges issued for one sale and one buyer identity,
 * and solutions accepted once, for that sale and identity, before they expire, at the sale's
 * current difficulty. The puzzle and its signature are ALTCHA's ({@link Altcha}); this class
 * decides what a genuine solution is worth. It knows nothing of HTTP.
 */
public final class Challenges {
    /** A solution larger than this is not one of ours: refused before any parsing. */
    public static final int MAX_PAYLOAD_CHARS = 2_048;
    /**
     * The difficulty an operator gets without naming one: 0.6 s on average, 1.2 s at worst in
     * desktop Chromium; about twice that on a phone (docs/benchmarks.md).
     */
    public static final long DEFAULT_MAX_NUMBER = 100_000;

    private static final Altcha.Algorithm ALGORITHM = Altcha.Algorithm.SHA256;
    private static final String SALE = "sale";
    private static final String BUYER = "buyer";
    private static final String MAX = "max";
    private static final String EXPIRES = "expires";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** ALTCHA's payload: what a client sends back, base64-encoded JSON. */
    private record Payload(String algorithm, String challenge, Long number, String salt, String signature) {
    }

    /** Current key first: challenges are signed with it; any of them verifies (key rotation). */
    private final List<String> keys;
    private final Duration lifetime;
    private final SpentSolutions spent;

    /**
     * @param keys     HMAC keys, the signing one first
     * @param lifetime how long a challenge may be solved and used
     * @param spentCapacity how many used solutions are remembered at most (see {@link SpentSolutions})
     */
    public Challenges(List<byte[]> keys, Duration lifetime, int spentCapacity) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key");
        }
        this.keys = keys.stream().map(HexFormat.of()::formatHex).toList();
        this.lifetime = lifetime;
        this.spent = new SpentSolutions(spentCapacity);
    }

    /** A fresh challenge for {@code buyerId} joining {@code saleId}, drawn from 0..maxNumber. */
    public Challenge issue(String saleId, String buyerId, long maxNumber, Instant now) {
        Instant expiresAt = now.plus(lifetime);
        try {
            Altcha.Challenge c = Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setAlgorithm(ALGORITHM)
                    .setHmacKey(keys.get(0))
                    .setMaxNumber(maxNumber)
                    .setSecureRandomNumber(true)
                    .setExpires(expiresAt.getEpochSecond())
                    .addParam(SALE, saleId)
                    .addParam(BUYER, buyerId)
                    .addParam(MAX, Long.toString(maxNumber)));
            return new Challenge(c.algorithm, c.challenge, c.maxnumber, c.salt, c.signature,
                    Instant.ofEpochSecond(expiresAt.getEpochSecond()));
        } catch (Exception e) {
            throw new IllegalStateException("ALTCHA could not create a challenge", e);
        }
    }

    /**
     * What {@code payload} (base64 JSON, as ALTCHA clients send it) is worth for {@code buyerId}
     * joining {@code saleId} at difficulty {@code requiredMaxNumber}. An accepted solution is spent:
     * the same one again (necessarily the same identity's, for the same sale) is a
     * {@link Verdict#REJOIN} until it expires.
     */
    public Verdict verify(String payload, String saleId, String buyerId, long requiredMaxNumber, Instant now) {
        Payload solution = parse(payload);
        if (solution == null || !genuine(solution)) {
            return Verdict.INVALID;
        }
        Map<String, String> params;
        long expiresAt;
        long maxNumber;
        try {
            params = Altcha.extractParams(solution.salt());
            expiresAt = Long.parseLong(params.getOrDefault(EXPIRES, ""));
            maxNumber = Long.parseLong(params.getOrDefault(MAX, ""));
        } catch (Exception e) {
            return Verdict.INVALID; // signed by us, but not a challenge of this class (another use of the key)
        }
        if (!saleId.equals(params.get(SALE)) || !buyerId.equals(params.get(BUYER))) {
            return Verdict.NOT_YOURS;
        }
        // The clock is the gateway's, not the library's (which reads System.currentTimeMillis).
        if (now.getEpochSecond() >= expiresAt) {
            return Verdict.EXPIRED;
        }
        if (maxNumber < requiredMaxNumber) {
            return Verdict.TOO_EASY;
        }
        long key = Long.parseUnsignedLong(solution.challenge().substring(0, 16), 16);
        return spent.spend(key, Instant.ofEpochSecond(expiresAt), now) ? Verdict.ACCEPTED : Verdict.REJOIN;
    }

    private static Payload parse(String payload) {
        if (payload == null || payload.length() > MAX_PAYLOAD_CHARS) {
            return null;
        }
        try {
            Payload p = JSON.readValue(Base64.getDecoder().decode(payload.trim()), Payload.class);
            boolean complete = p != null && p.number() != null && p.salt() != null && p.signature() != null
                    && p.challenge() != null && p.challenge().matches("[0-9a-f]{64}")
                    && ALGORITHM.getName().equals(p.algorithm());
            return complete ? p : null;
        } catch (Exception e) {
            return null;
        }
    }

    private boolean genuine(Payload solution) {
        Altcha.Payload p = new Altcha.Payload();
        p.algorithm = solution.algorithm();
        p.challenge = solution.challenge();
        p.number = solution.number();
        p.salt = solution.salt();
        p.signature = solution.signature();
        for (String key : keys) {
            try {
                // Expiry is checked above, against the gateway's clock.
                if (Altcha.verifySolution(p, key, false)) {
                    return true;
                }
            } catch (Exception e) {
                continue; // not verifiable with this key: a previous one (rotation) may still sign it
            }
        }
        return false;
    }

    /** Solutions currently remembered as used, and those forgotten early because the cache was full. */
    public int spentRemembered() {
        return spent.size();
    }

    public long spentEvictedEarly() {
        return spent.evictedEarly();
    }
}
