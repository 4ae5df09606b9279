package io.floodgate.proofofwork;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChallengesTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final byte[] KEY = "k".repeat(32).getBytes(StandardCharsets.UTF_8);
    private static final long EASY = 1_000;

    private final Challenges challenges = new Challenges(List.of(KEY), Duration.ofMinutes(5), 1_000);

    @Test
    void aSolvedChallengePresentedAgainByItsIdentityIsARejoin() {
        String solution = Solver.solve(challenges.issue("demo", "alice", EASY, T0));

        Verdict first = challenges.verify(solution, "demo", "alice", EASY, T0.plusSeconds(1));
        Verdict again = challenges.verify(solution, "demo", "alice", EASY, T0.plusSeconds(2));

        assertEquals(Verdict.ACCEPTED, first);
        assertEquals(Verdict.REJOIN, again);
        assertTrue(again.admits(), "the queue answers a rejoin with the identity's one place");
    }

    @Test
    void aSolutionIsWorthNothingForAnotherIdentityOrAnotherSale() {
        String alices = Solver.solve(challenges.issue("demo", "alice", EASY, T0));

        assertEquals(Verdict.NOT_YOURS, challenges.verify(alices, "demo", "mallory", EASY, T0));
        assertEquals(Verdict.NOT_YOURS, challenges.verify(alices, "other-sale", "alice", EASY, T0));
        assertEquals(Verdict.ACCEPTED, challenges.verify(alices, "demo", "alice", EASY, T0), "refusals spend nothing");
    }

    @Test
    void aChallengeExpiresOnTheGatewaysClockNotTheMachines() {
        Challenge c = challenges.issue("demo", "alice", EASY, T0);
        String solution = Solver.solve(c);

        assertEquals(T0.plus(Duration.ofMinutes(5)), c.expiresAt());
        assertEquals(Verdict.EXPIRED, challenges.verify(solution, "demo", "alice", EASY, c.expiresAt()));
        assertEquals(Verdict.ACCEPTED, challenges.verify(solution, "demo", "alice", EASY, c.expiresAt().minusSeconds(1)));
    }

    @Test
    void aChallengeIssuedBeforeTheDifficultyWasRaisedIsRefused() {
        String easy = Solver.solve(challenges.issue("demo", "alice", EASY, T0));

        assertEquals(Verdict.TOO_EASY, challenges.verify(easy, "demo", "alice", 50_000, T0));
        assertEquals(Verdict.ACCEPTED, challenges.verify(easy, "demo", "alice", 500, T0), "lowered: still hard enough");
    }

    @Test
    void aWrongNumberAnAlteredSaltAnotherKeyOrGarbageIsInvalid() {
        Challenge c = challenges.issue("demo", "alice", EASY, T0);
        String good = Solver.solve(c);
        long number = numberOf(good);
        String otherKeys = Solver.solve(new Challenges(List.of("x".repeat(32).getBytes(StandardCharsets.UTF_8)),
                Duration.ofMinutes(5), 10).issue("demo", "alice", EASY, T0));

        List<String> forged = List.of(
                Solver.payload(c.algorithm(), c.challenge(), number + 1, c.salt(), c.signature()),
                // The buyer in the salt rewritten to the caller's: the challenge no longer matches the signature.
                Solver.payload(c.algorithm(), c.challenge(), number, c.salt().replace("buyer=alice", "buyer=bob"),
                        c.signature()),
                Solver.payload(c.algorithm(), c.challenge(), number, c.salt(), "0".repeat(64)),
                Solver.payload("SHA-1", c.challenge(), number, c.salt(), c.signature()),
                otherKeys, "not base64 at all", Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8)),
                "A".repeat(Challenges.MAX_PAYLOAD_CHARS + 1), "");
        for (String payload : forged) {
            assertEquals(Verdict.INVALID, challenges.verify(payload, "demo", payload.contains("bob") ? "bob" : "alice",
                    EASY, T0), payload);
        }
        assertEquals(Verdict.NOT_YOURS, challenges.verify(Solver.payload(c.algorithm(), c.challenge(), number,
                c.salt(), c.signature()), "demo", "bob", EASY, T0));
    }

    @Test
    void aChallengeSignedWithThePreviousKeyStillVerifiesAfterARotation() {
        byte[] newKey = "n".repeat(32).getBytes(StandardCharsets.UTF_8);
        String beforeRotation = Solver.solve(challenges.issue("demo", "alice", EASY, T0));

        Challenges rotated = new Challenges(List.of(newKey, KEY), Duration.ofMinutes(5), 1_000);

        assertEquals(Verdict.ACCEPTED, rotated.verify(beforeRotation, "demo", "alice", EASY, T0));
    }

    @Test
    void aKeyThatCannotVerifyDoesNotStopThePreviousKeysFromBeingTried() {
        String beforeRotation = Solver.solve(challenges.issue("demo", "alice", EASY, T0));

        // An empty HMAC key makes the library throw: the loop must go on to the key that signed it.
        Challenges rotated = new Challenges(List.of(new byte[0], KEY), Duration.ofMinutes(5), 1_000);

        assertEquals(Verdict.ACCEPTED, rotated.verify(beforeRotation, "demo", "alice", EASY, T0));
    }

    /** A property over random identities: a solution admits its own identity only; once, then as rejoins. */
    @Test
    void overManyIdentitiesEachSolutionAdmitsOnlyItsOwnIdentityFirstOnceThenAsARejoin() {
        Random random = new Random(15);
        for (int i = 0; i < 50; i++) {
            String owner = "anon-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 32);
            String stranger = "anon-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 32);
            String solution = Solver.solve(challenges.issue("s" + random.nextInt(3), owner, EASY, T0));
            String sale = solution.isEmpty() ? "" : saleOf(solution);

            assertEquals(Verdict.NOT_YOURS, challenges.verify(solution, sale, stranger, EASY, T0));
            assertEquals(Verdict.ACCEPTED, challenges.verify(solution, sale, owner, EASY, T0));
            assertEquals(Verdict.REJOIN, challenges.verify(solution, sale, owner, EASY, T0));
            assertEquals(Verdict.NOT_YOURS, challenges.verify(solution, sale, stranger, EASY, T0), "spent or not");
        }
        assertTrue(challenges.spentRemembered() <= 1_000);
    }

    private static long numberOf(String payload) {
        String json = new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
        return Long.parseLong(json.replaceAll(".*\"number\":(\\d+).*", "$1"));
    }

    private static String saleOf(String payload) {
        String json = new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
        return json.replaceAll(".*sale=([^&\"]+).*", "$1");
    }
}
