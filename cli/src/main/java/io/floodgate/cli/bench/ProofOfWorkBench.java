package io.floodgate.cli.bench;

import io.floodgate.proofofwork.Challenge;
import io.floodgate.proofofwork.Challenges;
import io.floodgate.proofofwork.Solver;
import io.floodgate.proofofwork.Verdict;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code floodgate bench proof-of-work [solutions]}: what the gateway's side of the proof of work
 * costs on one core (this thread): challenges issued per second and solutions verified per second
 * (first use, and a rejoin with the same solution: both check the signature), beside what solving costs a Java client at
 * the default difficulty. Verifying costs the same at any difficulty: one SHA-256 and one HMAC.
 */
public final class ProofOfWorkBench {
    private static final List<byte[]> KEYS = List.of("bench-key-0123456789abcdef0123456789".getBytes(
            StandardCharsets.UTF_8));
    private static final long EASY = 1_000; // to make many genuine solutions quickly

    private ProofOfWorkBench() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        System.out.printf("machine: %d cores, Java %s; one thread%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        Instant now = Instant.now();
        Challenges challenges = new Challenges(KEYS, Duration.ofMinutes(5), count * 2);

        long started = System.nanoTime();
        List<Challenge> issued = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            issued.add(challenges.issue("bench", "buyer-" + i, EASY, now));
        }
        System.out.printf("issued %,d challenges: %,.0f per second%n", count, count / seconds(started));

        List<String> solutions = issued.stream().map(Solver::solve).toList();
        for (int round = 1; round <= 3; round++) { // the first round warms the JIT
            Challenges fresh = round == 1 ? challenges : new Challenges(KEYS, Duration.ofMinutes(5), count * 2);
            started = System.nanoTime();
            int accepted = verifyAll(fresh, solutions, now, Verdict.ACCEPTED);
            double firstUse = accepted / seconds(started);
            started = System.nanoTime();
            int rejoins = verifyAll(fresh, solutions, now, Verdict.REJOIN);
            System.out.printf("round %d: verified %,d first uses: %,.0f per second; %,d rejoins: %,.0f per "
                    + "second%n", round, accepted, firstUse, rejoins, rejoins / seconds(started));
        }

        int samples = 20;
        started = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            Solver.solve(challenges.issue("bench", "solver-" + i, Challenges.DEFAULT_MAX_NUMBER, now));
        }
        System.out.printf("a Java client solves a challenge at maxNumber %,d in %.0f ms on average (%d samples)%n",
                Challenges.DEFAULT_MAX_NUMBER, seconds(started) * 1000 / samples, samples);
    }

    private static int verifyAll(Challenges challenges, List<String> solutions, Instant now, Verdict expected) {
        int n = 0;
        for (int i = 0; i < solutions.size(); i++) {
            Verdict v = challenges.verify(solutions.get(i), "bench", "buyer-" + i, EASY, now);
            if (v != expected) {
                throw new IllegalStateException("solution " + i + ": " + v + ", expected " + expected);
            }
            n++;
        }
        return n;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
