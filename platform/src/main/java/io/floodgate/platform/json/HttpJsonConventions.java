package io.floodgate.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.floodgate.contracts.json.EventJson;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/** HTTP bodies follow the same JSON conventions as events: one shape for instants and durations everywhere. */
@Singleton
public final class HttpJsonConventions implements BeanCreatedEventListener<ObjectMapper> {
    @Override
    public ObjectMapper onCreated(BeanCreatedEvent<ObjectMapper> event) {
        return EventJson.configure(event.getBean());
    }
}
