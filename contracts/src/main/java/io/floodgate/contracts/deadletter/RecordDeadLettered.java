package io.floodgate.contracts.deadletter;

import io.floodgate.contracts.EventMeta;

/**
 * A reader stepped over a record it could not read. The original stays where it was
 * ({@code topic}, {@code partition}, {@code offset}) until retention removes it; this copy carries
 * at most {@link #MAX_VALUE_BYTES} of its value, so a dead letter never outgrows a record.
 *
 * @param reader      the service and reader that stepped over it, e.g. {@code payment-service/checkouts}
 * @param key         the record's key as UTF-8, or null
 * @param valueBase64 the first bytes of the record's value, base64; null for no value
 * @param valueSize   the value's full size in bytes
 * @param reason      why it could not be read
 */
public record RecordDeadLettered(EventMeta meta, String reader, String topic, int partition, long offset,
                                 String key, String valueBase64, int valueSize, String reason)
        implements DeadLetterEvent {
    public static final int MAX_VALUE_BYTES = 64 * 1024;
}
