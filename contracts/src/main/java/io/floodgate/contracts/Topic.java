package io.floodgate.contracts;

import java.util.Map;

/**
 * One topic of the public catalogue (docs/events.md).
 *
 * @param name      the topic's name
 * @param eventType the sealed family of values it carries
 * @param key       what the record key is, which decides ordering and partitioning
 * @param owner     the only service that writes it
 * @param configs   topic-level configs applied at creation (retention, cleanup)
 */
public record Topic<E extends Event>(String name, Class<E> eventType, String key, String owner,
                                     Map<String, String> configs) {
    public Topic {
        configs = Map.copyOf(configs);
    }
}
