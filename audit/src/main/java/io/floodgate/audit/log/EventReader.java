package io.floodgate.audit.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.json.EventJson;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads a record's value as its topic's event family: the one place the audit turns JSON into events. */
public final class EventReader {
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final Map<String, Topic<?>> TOPICS = Topics.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Topic::name, Function.identity()));

    private EventReader() {
    }

    public static boolean isCatalogueTopic(String topic) {
        return TOPICS.containsKey(topic);
    }

    /**
     * The record as a {@link LoggedEvent}.
     *
     * @throws IOException when the value is not an event of the topic's family
     */
    public static LoggedEvent read(String topic, int partition, long offset, long timestamp, String key, String value)
            throws IOException {
        Topic<?> family = TOPICS.get(topic);
        if (family == null) {
            throw new IOException("topic " + topic + " is not in Floodgate's catalogue");
        }
        try {
            Event event = JSON.readValue(value, family.eventType());
            return new LoggedEvent(topic, partition, offset, timestamp, key, value, event.meta().saleId(),
                    event.meta().occurredAt(), event);
        } catch (InvalidTypeIdException newerType) {
            JsonNode meta = JSON.readTree(value).path("meta");
            if (!meta.path("saleId").isTextual() || !meta.path("occurredAt").isTextual()) {
                throw newerType;
            }
            return new LoggedEvent(topic, partition, offset, timestamp, key, value, meta.get("saleId").asText(),
                    Instant.parse(meta.get("occurredAt").asText()), null);
        }
    }
}
