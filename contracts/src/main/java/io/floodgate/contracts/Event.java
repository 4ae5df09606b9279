package io.floodgate.contracts;

/** Every fact Floodgate records. Each topic's events form a sealed family implementing this. */
public interface Event {
    EventMeta meta();
}
