package io.floodgate.audit.log;

import io.floodgate.contracts.Event;

import java.time.Instant;

/**
 * One record of a catalogue topic as it was logged: where it was, the value exactly as written,
 * and that value read as its topic's event family.
 *
 * @param timestamp  the record's Kafka timestamp (epoch millis), kept so an import writes it back
 * @param value      the record's value, the JSON exactly as the writer produced it
 * @param saleId     {@code meta.saleId}
 * @param occurredAt {@code meta.occurredAt}: what the replay orders by
 * @param event      the value as its family's event, or null when its {@code type} is newer than
 *                   this reader (kept and exported, skipped by the replay, as the contract asks)
 */
public record LoggedEvent(String topic, int partition, long offset, long timestamp, String key, String value,
                          String saleId, Instant occurredAt, Event event) {
}
