package io.floodgate.platform.deadletter;

import io.floodgate.contracts.Topics;
import io.floodgate.contracts.deadletter.RecordDeadLettered;
import io.floodgate.platform.kafka.JsonSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadLettersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<RecordDeadLettered> written = new ArrayList<>();
    private final DeadLetters.Reader reader = new DeadLetters(written::add, registry,
            Clock.fixed(Instant.parse("2026-12-01T20:00:00Z"), ZoneOffset.UTC), "queue-service").reader("floodgate-queue");

    /** What the topic's deserializer says about {@code value}, handed to the reader as a consumer would. */
    private void read(String value, long offset) throws Exception {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        Exception failure = assertThrows(Exception.class,
                () -> JsonSerde.events(Topics.SALES).deserialize(Topics.SALES.name(), bytes));
        reader.unreadable(Topics.SALES.name(), 3, offset, "demo".getBytes(StandardCharsets.UTF_8), bytes, failure);
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void anUnknownTypeAndATombstoneAreSkippedAndCountedNotDeadLettered() throws Exception {
        read("{\"type\":\"SaleRescheduled\",\"meta\":{}}", 10);
        read(null, 11);

        assertEquals(List.of(), written);
        assertEquals(1, count("floodgate.records.skipped", "reader", "queue-service/floodgate-queue",
                "reason", "unknown_type"));
        assertEquals(1, count("floodgate.records.skipped", "reason", "tombstone"));
        assertEquals(0, count("floodgate.records.dead.lettered", "reader", "queue-service/floodgate-queue"));
    }

    @Test
    void aMalformedRecordIsDeadLetteredWithWhereItWasAndWhy() throws Exception {
        read("{not json", 12);

        RecordDeadLettered letter = written.get(0);
        assertEquals("queue-service/floodgate-queue", letter.reader());
        assertEquals(Topics.SALES.name(), letter.topic());
        assertEquals(3, letter.partition());
        assertEquals(12, letter.offset());
        assertEquals("demo", letter.key());
        assertEquals("{not json", new String(Base64.getDecoder().decode(letter.valueBase64()), StandardCharsets.UTF_8));
        assertEquals(9, letter.valueSize());
        assertTrue(letter.reason().contains("cannot read SaleEvent from floodgate.sales"), letter.reason());
        assertEquals("*", letter.meta().saleId());
        assertEquals(1, count("floodgate.records.dead.lettered", "reader", "queue-service/floodgate-queue"));
    }

    @Test
    void aDeadLetterCarriesAtMostItsBoundOfTheValue() throws Exception {
        byte[] huge = new byte[RecordDeadLettered.MAX_VALUE_BYTES * 3];
        reader.unreadable("t", 0, 1, null, huge, new IllegalStateException("binary"));

        RecordDeadLettered letter = written.get(0);
        assertArrayEquals(new byte[RecordDeadLettered.MAX_VALUE_BYTES], Base64.getDecoder().decode(letter.valueBase64()));
        assertEquals(huge.length, letter.valueSize());
    }

    @Test
    void aDeadLetterThatCannotBeWrittenFailsSoTheReaderTriesTheRecordAgain() {
        DeadLetters.Reader failing = new DeadLetters(l -> {
            throw new IllegalStateException("broker gone");
        }, registry, Clock.systemUTC(), "svc").reader("r");

        assertThrows(IllegalStateException.class, () -> failing.unreadable("t", 0, 1, null, new byte[] {1},
                new IllegalStateException("bad")));
        assertEquals(0, count("floodgate.records.dead.lettered", "reader", "svc/r"));
    }
}
