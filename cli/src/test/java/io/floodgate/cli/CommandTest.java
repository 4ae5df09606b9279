package io.floodgate.cli;

import io.floodgate.cli.loadgen.LoadgenCommand;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How every command answers help and bad input: before doing anything (loadgen would start a whole stack). */
class CommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return Command.runReporting(new LoadgenCommand(), List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsageWithEveryOptionAndSucceeds() throws Exception {
        assertEquals(0, run("--buyers", "10", "--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("usage: ./floodgate loadgen"), usage);
        assertTrue(usage.contains("[--buyers 2000]") && usage.contains("[--sse]") && usage.contains("[--cluster [--faults]]"), usage);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void faultsWithoutAClusterIsAUsageError() throws Exception {
        assertEquals(2, run("--faults"));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("error: --faults needs --cluster"), said);
        assertTrue(said.contains("usage: ./floodgate loadgen"), said);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMalformedNumberIsAUsageError() throws Exception {
        assertEquals(2, run("--buyers", "many"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(
                "error: every option but the switches takes a number (For input string: \"many\")"), err.toString());
    }
}
