package io.floodgate.audit.log;

import io.floodgate.audit.replay.SaleReplay;
import io.floodgate.audit.sample.SyntheticSale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventFileTest {
    private static final List<LoggedEvent> SALE = SyntheticSale.generate("night", 200, 3);

    @TempDir
    Path dir;

    private List<LoggedEvent> readBack(Path file) throws IOException {
        List<LoggedEvent> read = new ArrayList<>();
        EventFile.reading(file, Progress.silent()).forEach(read::add);
        return read;
    }

    @Test
    void aWrittenLogReadsBackAsTheSameRecordsAndWritesTheSameBytes() throws IOException {
        Path file = dir.resolve("night.jsonl");
        assertEquals(SALE.size(), EventFile.write(file, SaleLog.of("night", SyntheticSale.TOPIC_PARTITIONS, SALE)));
        assertEquals("night", EventFile.reading(file, Progress.silent()).saleId());
        List<LoggedEvent> read = readBack(file);
        assertEquals(SALE, read, "topic, partition, offset, timestamp, key, value and event all survive");
        Path again = dir.resolve("again.jsonl");
        EventFile.write(again, SaleLog.of("night", SyntheticSale.TOPIC_PARTITIONS, read));
        assertEquals(-1, Files.mismatch(file, again));
        assertTrue(Files.readAllLines(file).get(0).startsWith("{\"format\":\"floodgate-events\",\"version\":1,\"saleId\":\"night\","
                + "\"partitions\":{\"floodgate.access-codes\":6,\"floodgate.arrivals\":6,"));
        assertEquals(SyntheticSale.TOPIC_PARTITIONS, EventFile.reading(file, Progress.silent()).partitions());
    }

    @Test
    void anEventOfANewerTypeIsKeptInTheFileAndSkippedByTheReplay() throws IOException {
        LoggedEvent future = EventReader.read("floodgate.holds", 0, 99, 1L, "night/floor",
                "{\"type\":\"HoldTeleported\",\"meta\":{\"eventId\":\"e\",\"saleId\":\"night\","
                        + "\"occurredAt\":\"2026-11-22T20:30:00Z\",\"schemaVersion\":1,\"correlationId\":\"c\",\"causationId\":\"x\"},\"to\":\"moon\"}");
        assertNull(future.event());
        List<LoggedEvent> withFuture = new ArrayList<>(SALE);
        withFuture.add(future);
        Path file = dir.resolve("future.jsonl");
        EventFile.write(file, SaleLog.of("night", SyntheticSale.TOPIC_PARTITIONS, withFuture));
        assertTrue(Files.readString(file).contains("\"to\":\"moon\""), "the unknown event's fields are kept as written");
        SaleReplay replay = SaleReplay.of(EventFile.reading(file, Progress.silent()));
        assertEquals(1, replay.skipped());
        assertEquals(SALE.size() + 1, replay.events());
    }

    @Test
    void aFileThatIsNotAnExportIsRefusedWithItsLineNamed() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        assertTrue(message(empty).contains("not a Floodgate export"));
        Path other = Files.writeString(dir.resolve("other.jsonl"), "{\"format\":\"something-else\"}\n");
        assertTrue(message(other).contains("not a Floodgate export"));
        Path newer = Files.writeString(dir.resolve("newer.jsonl"), "{\"format\":\"floodgate-events\",\"version\":9,\"saleId\":\"s\"}\n");
        assertTrue(message(newer).contains("version 9"));
        assertTrue(message(dir.resolve("missing.jsonl")).contains("no such file"));

        Path good = dir.resolve("good.jsonl");
        EventFile.write(good, SaleLog.of("night", SyntheticSale.TOPIC_PARTITIONS, SALE.subList(0, 3)));
        List<String> lines = new ArrayList<>(Files.readAllLines(good, StandardCharsets.UTF_8));
        lines.set(2, "{\"topic\":\"floodgate.sales\",");
        Path broken = Files.write(dir.resolve("broken.jsonl"), lines);
        IOException e = assertThrows(IOException.class, () -> readBack(broken));
        assertTrue(e.getMessage().contains("broken.jsonl:3: not JSON"), e.getMessage());

        lines.set(2, lines.get(3).replace("floodgate.", "elsewhere."));
        Path foreign = Files.write(dir.resolve("foreign.jsonl"), lines);
        e = assertThrows(IOException.class, () -> readBack(foreign));
        assertTrue(e.getMessage().contains("foreign.jsonl:3: topic elsewhere."), e.getMessage());
    }

    private static String message(Path file) {
        return assertThrows(IOException.class, () -> EventFile.reading(file, Progress.silent())).getMessage();
    }
}
