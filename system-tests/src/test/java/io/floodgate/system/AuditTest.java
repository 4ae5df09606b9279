package io.floodgate.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.floodgate.cli.Command;
import io.floodgate.cli.audit.ExportCommand;
import io.floodgate.cli.audit.ImportCommand;
import io.floodgate.cli.audit.ReconcileCommand;
import io.floodgate.cli.audit.ReportCommand;
import io.floodgate.contracts.json.EventJson;
import io.floodgate.kit.kafka.EmbeddedKafka;
import io.floodgate.kit.process.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real sale, with a pre-queue, purchases and a declined card, audited as an engineer would:
 * exported, replayed from Kafka and from the file, judged for fairness, reconciled, imported into
 * another cluster. Every command is run as on the command line, with its exit status and output.
 */
class AuditTest extends StackTest {
    private static final String SALE = "audited";

    @TempDir
    Path dir;

    /** A command's exit status, what it printed, and what it said on stderr. */
    private record Ran(int status, String out, String err) {
        JsonNode json() throws Exception {
            return EventJson.mapper().readTree(out);
        }
    }

    private static Ran run(Command command, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Command.runReporting(command, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private List<String> kafka(String... more) {
        List<String> args = new ArrayList<>(List.of(more));
        args.addAll(List.of("--kafka", stack.bootstrapServers()));
        return args;
    }

    private String[] ledgerAndProvider(String... more) {
        List<String> args = new ArrayList<>(List.of(more));
        args.addAll(List.of("--jdbc", stack.jdbcUrl(), "--provider", stack.paymentProviderUrl()));
        return args.toArray(String[]::new);
    }

    private String buy(String buyerId, String paymentMethod, String endState) {
        Admitted buyer = admitted(SALE, buyerId);
        GatewayClient.Reply held = hold(SALE, "{\"sectionId\":\"floor\",\"quantity\":2}",
                Map.of("Authorization", "Bearer " + buyer.pass()));
        assertEquals(201, held.status(), held.body().toString());
        String holdId = held.text("holdId");
        GatewayClient.Reply paid = gateway.post("/api/sales/" + SALE + "/holds/" + holdId + "/checkout",
                "{\"paymentMethod\":\"" + paymentMethod + "\"}", Map.of("Authorization", "Bearer " + buyer.passAfter(held)));
        assertEquals(202, paid.status(), paid.body().toString());
        Await.until(buyerId + " " + endState, () -> gateway.get("/api/sales/" + SALE + "/holds/" + holdId,
                Map.of("Floodgate-Ticket", buyer.ticket())), r -> endState.equals(r.text("state")));
        return holdId;
    }

    private long orders() {
        try {
            return count("SELECT count(*) FROM orders WHERE sale_id = '" + SALE + "'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSaleReplaysTheSameFromKafkaAndFromItsExportAndIsFairAndReconciled() throws Exception {
        createSale("""
                {"saleId": "%s", "name": "Audited night", "opensAt": "%s", "currency": "EUR", "admissionRatePerSecond": 20,
                 "maxActiveShoppers": 1000, "perBuyerLimit": 4,
                 "sections": [{"id": "floor", "name": "Floor", "rows": 2, "seatsPerRow": 10, "priceCents": 4200}]}
                """.formatted(SALE, Instant.now().plusSeconds(5)));
        for (int i = 0; i < 12; i++) {
            GatewayClient.Reply joined = join(SALE, "early-" + i);
            assertEquals("PRE_QUEUE", joined.text("state"), joined.body().toString());
        }
        Await.until("open", () -> gateway.get("/api/sales/" + SALE, Map.of()).text("phase"), "ON_SALE"::equals);
        buy("late-0", "tok_visa", "PURCHASED");
        buy("early-3", "tok_visa", "PURCHASED");
        buy("late-1", "tok_decline", "PAYMENT_DECLINED");
        buy("late-2", "tok_visa", "PURCHASED");
        Await.until("everyone admitted", () -> gateway.get("/api/sales/" + SALE, Map.of()).body()
                .path("admittedThrough").asLong(), n -> n == 15);
        Await.until("three orders in the ledger", this::orders, n -> n == 3);

        Path file = dir.resolve("audited.jsonl");
        Ran exported = run(new ExportCommand(), kafka(SALE, "--out", file.toString()).toArray(String[]::new));
        assertEquals(0, exported.status(), exported.err());
        assertTrue(exported.out().startsWith("exported "), exported.out());

        // The same reports, byte for byte, from Kafka (twice) and from the file.
        Ran timeline = run(ReportCommand.timeline(), kafka(SALE).toArray(String[]::new));
        assertEquals(0, timeline.status(), timeline.out() + timeline.err());
        assertEquals(timeline, run(ReportCommand.timeline(), kafka(SALE).toArray(String[]::new)));
        assertEquals(timeline.out(), run(ReportCommand.timeline(), "--from", file.toString()).out());
        assertTrue(timeline.out().contains("line opened: 12 buyer(s) in the pre-queue"), timeline.out());
        assertTrue(timeline.out().contains("seats sold 6 of 20, oversold 0; orders 3, revenue 252.00 EUR"), timeline.out());

        Ran fairness = run(ReportCommand.fairness(), kafka(SALE, "--json").toArray(String[]::new));
        assertEquals(0, fairness.status(), fairness.out());
        assertEquals(fairness.out(), run(ReportCommand.fairness(), SALE, "--from", file.toString(), "--json").out());
        JsonNode report = fairness.json();
        assertTrue(report.path("fair").asBoolean(), report.path("findings").toString());
        assertEquals(15, report.path("line").path("buyers").asLong());
        assertEquals(12, report.path("preQueue").path("admittedChecked").asLong());
        assertEquals(0, report.path("preQueue").path("placesNotFromSeed").asLong());
        assertEquals(0, report.path("order").path("admissionsAgainstArrival").asLong());
        assertEquals(3, report.path("buyersByFinalState").path("PURCHASED").asLong());
        assertEquals(1, report.path("buyersByFinalState").path("PAYMENT_DECLINED").asLong());

        Ran live = run(new ReconcileCommand(), ledgerAndProvider(kafka(SALE).toArray(String[]::new)));
        assertEquals(0, live.status(), live.out());
        assertTrue(live.out().contains("RECONCILED: each of the 6 sold seats has exactly one authorized payment and one order row"),
                live.out());
        Ran fromFile = run(new ReconcileCommand(), ledgerAndProvider("--from", file.toString(), "--no-provider", "--json"));
        assertEquals(0, fromFile.status(), fromFile.out());
        assertEquals(6, fromFile.json().path("seatsSold").asLong());
        assertEquals(25_200, fromFile.json().path("sections").get(0).path("ledgerCents").asLong());

        // Import: never into a cluster the services use; into another, once, with the export's partitions;
        // it replays the same there.
        Ran refused = run(new ImportCommand(), kafka(file.toString()).toArray(String[]::new));
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("Floodgate's services use the target cluster"), refused.err());
        try (EmbeddedKafka other = EmbeddedKafka.start(dir.resolve("other-kafka"), Ports.free(), Ports.free())) {
            Ran imported = run(new ImportCommand(), file.toString(), "--kafka", other.bootstrapServers());
            assertEquals(0, imported.status(), imported.err());
            assertEquals(timeline.out(), run(ReportCommand.timeline(), SALE, "--kafka", other.bootstrapServers()).out());
            Ran again = run(new ImportCommand(), file.toString(), "--kafka", other.bootstrapServers());
            assertEquals(2, again.status());
            assertTrue(again.err().contains("already in the target cluster"), again.err());
        }
    }

    @Test
    void wrongRequestsAreRefusedWithAReasonAndExitTwo() throws Exception {
        Ran unknown = run(ReportCommand.timeline(), kafka("no-such-sale").toArray(String[]::new));
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("sale 'no-such-sale' is not in floodgate.sales"), unknown.err());
        Ran missing = run(ReportCommand.fairness(), "--from", dir.resolve("missing.jsonl").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Ran noSale = run(ReportCommand.timeline());
        assertEquals(2, noSale.status());
        assertTrue(noSale.err().contains("name the sale"), noSale.err());
        Ran badOption = run(new ReconcileCommand(), "x", "--frobnicate");
        assertEquals(2, badOption.status());
        assertTrue(badOption.err().contains("unknown option --frobnicate"), badOption.err());
        Path nowhere = dir.resolve("nowhere");
        Ran badDir = run(new ExportCommand(), SALE, "--out", nowhere.resolve("x.jsonl").toString());
        assertEquals(2, badDir.status());
        assertTrue(!Files.exists(nowhere), "nothing was written");
    }
}
