package io.floodgate.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every event carries, whatever its type.
 *
 * @param eventId       unique per event; consumers deduplicate on it
 * @param saleId        the sale the event belongs to
 * @param occurredAt    when it happened, by the clock of the service that recorded it
 * @param schemaVersion version of the event's payload shape; bumped on incompatible change
 * @param correlationId follows one buyer (or one hold) through the whole flow
 * @param causationId   id of the event or request that caused this one
 */
public record EventMeta(String eventId, String saleId, Instant occurredAt, int schemaVersion,
                        String correlationId, String causationId) {

    public static final int SCHEMA_VERSION = 1;
    /** The {@code saleId} of a fact about every sale at once, such as the payment provider's health. */
    public static final String ALL_SALES = "*";

    public EventMeta {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(saleId, "saleId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
    }

    /** Meta for a new event; {@code causationId} names what caused it (an event, a request, a tick). */
    public static EventMeta of(String saleId, String correlationId, String causationId, Instant now) {
        return new EventMeta(newId(), saleId, now, SCHEMA_VERSION, correlationId, causationId);
    }

    /** Meta for an event that follows from {@code cause}: same sale and correlation. */
    public static EventMeta causedBy(EventMeta cause, Instant now) {
        return new EventMeta(newId(), cause.saleId, now, SCHEMA_VERSION, cause.correlationId, cause.eventId);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
