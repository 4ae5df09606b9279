package io.floodgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.floodgate.proofofwork.Challenge;
import io.floodgate.proofofwork.Challenges;
import io.floodgate.proofofwork.Verdict;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SolveCommandTest {
    @Test
    void theChallengeEndpointsJsonOnStandardInputGivesAnAcceptedSolution() throws Exception {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        Challenges challenges = new Challenges(List.of("k".repeat(32).getBytes(StandardCharsets.UTF_8)),
                Duration.ofMinutes(5), 10);
        Challenge challenge = challenges.issue("demo", "alice", 5_000, now);
        byte[] json = new ObjectMapper().registerModule(new JavaTimeModule()).writeValueAsBytes(challenge);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = new SolveCommand(new ByteArrayInputStream(json)).run(List.of(), new PrintStream(out), System.err);

        assertEquals(0, status);
        assertEquals(Verdict.ACCEPTED, challenges.verify(out.toString(StandardCharsets.UTF_8).trim(), "demo", "alice",
                5_000, now));
    }

    @Test
    void somethingElseOnStandardInputIsAUsageError() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Command.runReporting(new SolveCommand(new ByteArrayInputStream("{\"error\":\"X\"}".getBytes())),
                List.of(), System.out, new PrintStream(err));
        assertEquals(2, status);
    }
}
