package io.floodgate.platform.kafka;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topic;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads each catalogue topic as its own event family, so one consumer can follow several topics. */
public final class CatalogueDeserializer implements Deserializer<Event> {
    private final Map<String, JsonSerde<? extends Event>> byTopic;

    public CatalogueDeserializer(Collection<Topic<?>> topics) {
        this.byTopic = topics.stream().collect(Collectors.toUnmodifiableMap(Topic::name, t -> JsonSerde.events(t)));
    }

    @Override
    public Event deserialize(String topic, byte[] data) {
        JsonSerde<? extends Event> serde = byTopic.get(topic);
        if (serde == null) {
            throw new SerializationException("topic " + topic + " is not in this consumer's catalogue");
        }
        return serde.deserialize(topic, data);
    }
}
