package io.floodgate.platform.kafka;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.hold.HoldEvent;
import io.floodgate.contracts.hold.HoldPlaced;
import io.floodgate.contracts.payment.PaymentDeclined;
import io.floodgate.contracts.payment.PaymentEvent;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SaleEvent;
import io.floodgate.contracts.sale.SectionConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonSerdeTest {
    private static final Instant NOW = Instant.parse("2026-11-22T20:00:00Z");
    private static final EventMeta META = EventMeta.of("demo", "corr-1", "req-1", NOW);

    @Test
    void anEventWrittenAsEventReadsBackAsItsTopicFamily() {
        SaleCreated created = new SaleCreated(META, "ops", new SaleConfig("Demo", NOW, "EUR", 5, 100,
                Duration.ofMinutes(10), Duration.ofMinutes(10), 6,
                List.of(new SectionConfig("floor", "Floor", 2, 3, 8900))));

        byte[] bytes = JsonSerde.of(Event.class).serialize(Topics.SALES.name(), created);
        SaleEvent read = JsonSerde.of(SaleEvent.class).deserialize(Topics.SALES.name(), bytes);

        assertEquals(created, read);
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"type\":\"SaleCreated\""), json);
        assertTrue(json.contains("\"holdDuration\":\"PT10M\""), json);
        assertTrue(json.contains("\"occurredAt\":\"2026-11-22T20:00:00Z\""), json);
    }

    @Test
    void catalogueDeserializerReadsEachTopicAsItsFamily() {
        HoldPlaced placed = new HoldPlaced(META, "h1", "alice", "floor", List.of("A-1", "A-2"), 17800, "EUR",
                NOW.plusSeconds(600));
        byte[] bytes = JsonSerde.of(Event.class).serialize(Topics.HOLDS.name(), placed);

        Event read = new CatalogueDeserializer(Topics.ALL).deserialize(Topics.HOLDS.name(), bytes);

        assertEquals(placed, read);
        assertTrue(read instanceof HoldEvent);
    }

    @Test
    void aPaymentDeclinedWrittenBeforeItHadACodeReadsAsADeclineAndOneWithACodeKeepsIt() {
        String old = "{\"type\":\"PaymentDeclined\",\"meta\":{\"eventId\":\"e\",\"saleId\":\"demo\",\"occurredAt\":"
                + "\"2026-11-22T20:00:00Z\",\"schemaVersion\":1,\"correlationId\":\"c\",\"causationId\":\"r\"},"
                + "\"holdId\":\"h1\",\"sectionId\":\"floor\",\"reason\":\"card declined\"}";
        PaymentEvent read = JsonSerde.of(PaymentEvent.class).deserialize(Topics.PAYMENTS.name(),
                old.getBytes(StandardCharsets.UTF_8));
        assertEquals(PaymentDeclined.DECLINED, ((PaymentDeclined) read).code());

        PaymentDeclined rejected = new PaymentDeclined(META, "h1", "floor", "HTTP 400 invalid_payment_method",
                PaymentDeclined.REJECTED);
        byte[] bytes = JsonSerde.of(Event.class).serialize(Topics.PAYMENTS.name(), rejected);
        assertEquals(rejected, JsonSerde.of(PaymentEvent.class).deserialize(Topics.PAYMENTS.name(), bytes));
    }

    @Test
    void unknownFieldsAreIgnoredSoConsumersSurviveAdditiveChanges() {
        String json = "{\"type\":\"HoldPlaced\",\"meta\":{\"eventId\":\"e\",\"saleId\":\"demo\",\"occurredAt\":"
                + "\"2026-11-22T20:00:00Z\",\"schemaVersion\":1,\"correlationId\":\"c\",\"causationId\":\"r\"},"
                + "\"holdId\":\"h1\",\"buyerId\":\"b\",\"sectionId\":\"floor\",\"seats\":[\"A-1\"],\"amountCents\":1,"
                + "\"currency\":\"EUR\",\"expiresAt\":\"2026-11-22T20:10:00Z\",\"addedLater\":true}";

        HoldEvent read = JsonSerde.of(HoldEvent.class).deserialize(Topics.HOLDS.name(),
                json.getBytes(StandardCharsets.UTF_8));

        assertEquals("h1", read.holdId());
    }

    private static final String META_JSON = "\"meta\":{\"eventId\":\"e\",\"saleId\":\"demo\",\"occurredAt\":"
            + "\"2026-11-22T20:00:00Z\",\"schemaVersion\":1,\"correlationId\":\"c\",\"causationId\":\"r\"}";

    private static UnreadableRecordException.Kind readAsSale(String json) {
        byte[] bytes = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        return assertThrows(UnreadableRecordException.class,
                () -> JsonSerde.events(Topics.SALES).deserialize(Topics.SALES.name(), bytes)).kind();
    }

    @Test
    void anEventTypeNotInTheTopicsFamilyIsUnknownNotMalformed() {
        assertEquals(UnreadableRecordException.Kind.UNKNOWN_TYPE,
                readAsSale("{\"type\":\"SaleRescheduled\"," + META_JSON + ",\"operator\":\"ops\"}"));
        assertEquals(UnreadableRecordException.Kind.UNKNOWN_TYPE,
                readAsSale("{\"type\":\"HoldPlaced\"," + META_JSON + "}"), "another family's type is not this one's");
    }

    @Test
    void aTombstoneOnACatalogueTopicIsUnreadableButAStoreReadsNull() {
        assertEquals(UnreadableRecordException.Kind.TOMBSTONE, readAsSale(null));
        assertNull(JsonSerde.of(SaleEvent.class).deserialize("a-store-changelog", null));
    }

    @Test
    void whatIsNotAnEventOfTheFamilyIsMalformed() {
        assertEquals(UnreadableRecordException.Kind.MALFORMED, readAsSale("not json at all"));
        assertEquals(UnreadableRecordException.Kind.MALFORMED, readAsSale("{\"operator\":\"no type\"}"));
        assertEquals(UnreadableRecordException.Kind.MALFORMED, readAsSale("{\"type\":\"SalePaused\",\"operator\":\"no meta\"}"));
        assertEquals(UnreadableRecordException.Kind.MALFORMED, readAsSale("{\"type\":\"SalePaused\",\"meta\":{}}"));
        assertEquals(UnreadableRecordException.Kind.MALFORMED, readAsSale("null"));
        assertEquals(UnreadableRecordException.Kind.MALFORMED, readAsSale("[1,2]"));
        assertEquals(UnreadableRecordException.Kind.MALFORMED, readAsSale("{\"type\":\"BuyerArrived\", cut short"),
                "an unknown type in a record that is not JSON is no newer writer's event");
    }
}
