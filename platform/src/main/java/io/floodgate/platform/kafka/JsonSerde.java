package io.floodgate.platform.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.json.EventJson;
import io.floodgate.platform.kafka.UnreadableRecordException.Kind;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.util.Map;

/**
 * JSON (de)serialization of one type with the event conventions of {@link EventJson}. Read with
 * {@link #events}, a catalogue topic's records that are not events of its family fail with an
 * {@link UnreadableRecordException} that says why, so readers can step over them.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private final Class<T> type;
    private final boolean events;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private JsonSerde(Class<T> type, boolean events) {
        this.type = type;
        this.events = events;
        this.reader = EventJson.mapper().readerFor(type);
        // Written by runtime type: forcing the declared type would drop the subtype's properties.
        this.writer = EventJson.mapper().writer();
    }

    /** Any JSON value, e.g. a store's; null reads as null. */
    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type, false);
    }

    /** A catalogue topic's events: a tombstone, an unknown type or an event without its meta is unreadable. */
    public static <E extends Event> JsonSerde<E> events(Topic<E> topic) {
        return new JsonSerde<>(topic.eventType(), true);
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " for " + topic, e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            if (events) {
                throw new UnreadableRecordException(Kind.TOMBSTONE, "a tombstone on " + topic, null);
            }
            return null;
        }
        T value;
        try {
            value = reader.readValue(data);
        } catch (InvalidTypeIdException e) {
            // An object naming a type not in this family: a newer writer's, which the contract says to skip.
            Kind kind = e.getTypeId() != null && e.getBaseType() != null && e.getBaseType().hasRawClass(type)
                    && isJsonObject(data) ? Kind.UNKNOWN_TYPE : Kind.MALFORMED;
            throw new UnreadableRecordException(kind, "cannot read " + type.getSimpleName() + " from " + topic
                    + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new UnreadableRecordException(Kind.MALFORMED, "cannot read " + type.getSimpleName() + " from "
                    + topic + ": " + why, e);
        }
        if (events && (value == null || ((Event) value).meta() == null)) {
            throw new UnreadableRecordException(Kind.MALFORMED, "a " + type.getSimpleName() + " without meta on "
                    + topic, null);
        }
        return value;
    }

    /**
     * Whether the whole record is a JSON object: Jackson stops at an unknown type id before reading
     * the rest, and also takes a type id from an array's first element.
     */
    private static boolean isJsonObject(byte[] data) {
        try {
            return EventJson.mapper().readTree(data).isObject();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // configured at construction
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
