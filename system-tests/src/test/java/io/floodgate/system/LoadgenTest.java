package io.floodgate.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.floodgate.cli.Command;
import io.floodgate.cli.loadgen.LoadgenCommand;
import io.floodgate.contracts.json.EventJson;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load generator, small: a sale sells out over HTTP against its own stack, nothing is
 * oversold, every buyer ends in an explicit state, and the line was fair. (The figures at scale are
 * in docs/benchmarks.md; a test only shows the generator and the system do what they claim.)
 */
class LoadgenTest {
    @Test
    void aSmallOnSaleSellsOutFairlyWithEveryBuyerInAFinalState() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Command.runReporting(new LoadgenCommand(), List.of("--buyers", "150", "--tickets", "40",
                        "--pre-queue-seconds", "6", "--arrival-seconds", "3", "--window-seconds", "15", "--hold-seconds", "15",
                        "--timeout-seconds", "120", "--json"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        JsonNode report = EventJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(0, status, report.toPrettyString());
        assertEquals(0, report.path("oversold").asLong());
        assertEquals(0, report.path("buyersWithoutFinalState").asLong());
        assertEquals(40, report.path("ticketsSold").asLong(), "sold out");
        assertTrue(report.path("sellOutSeconds").asDouble() > 0);
        long buyers = 0;
        for (JsonNode n : report.path("buyersByFinalState")) {
            buyers += n.asLong();
        }
        assertEquals(150, buyers);
        assertTrue(report.path("buyersByFinalState").path("SOLD_OUT").asLong() > 0, report.path("buyersByFinalState").toString());
        assertTrue(report.path("fairness").asText().startsWith("FAIR;"), report.path("fairness").asText());
        assertTrue(report.path("endpoints").path("status").path("answered").asLong() > 150);
    }
}
