package io.floodgate.proofofwork;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.altcha.altcha.Altcha;

import java.util.Base64;
import java.util.Map;

/**
 * The client's side, for Java clients (tests, the load generator, {@code floodgate}): solves a
 * challenge with ALTCHA's own solver and encodes the payload a join carries in {@code altcha}.
 */
public final class Solver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Solver() {
    }

    /** The join's {@code altcha} field for a challenge given as the challenge endpoint's JSON fields. */
    public static String solve(String algorithm, String challenge, long maxNumber, String salt, String signature) {
        try {
            Altcha.Solution solution = Altcha.solveChallenge(challenge, salt, Altcha.Algorithm.fromString(algorithm),
                    maxNumber, 0);
            if (solution == null) {
                throw new IllegalArgumentException("no number up to " + maxNumber + " solves this challenge");
            }
            return payload(algorithm, challenge, solution.number, salt, signature);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("ALTCHA could not solve the challenge", e);
        }
    }

    public static String solve(Challenge c) {
        return solve(c.algorithm(), c.challenge(), c.maxnumber(), c.salt(), c.signature());
    }

    /** base64(JSON), as ALTCHA clients send it. */
    static String payload(String algorithm, String challenge, long number, String salt, String signature) {
        try {
            return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(Map.of("algorithm", algorithm,
                    "challenge", challenge, "number", number, "salt", salt, "signature", signature)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
