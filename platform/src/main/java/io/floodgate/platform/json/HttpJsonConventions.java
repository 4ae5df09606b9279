package io.floodgate.platform.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.floodgate.contracts.json.EventJson;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * HTTP bodies follow the same JSON conventions as events (one shape for instants and durations
 * everywhere), and their types are strict: a value of the wrong JSON type is refused, never
 * converted. Without this, {@code ["zed"]} reads as {@code "zed"}, {@code 1.5} or {@code "2"} as a
 * whole number and {@code 42} as text. Events keep {@link EventJson}'s tolerant reading: it is
 * what lets every reader survive records it did not write.
 */
@Singleton
public final class HttpJsonConventions implements BeanCreatedEventListener<ObjectMapper> {
    private static final CoercionInputShape[] SCALARS = {
        CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.String};

    @Override
    public ObjectMapper onCreated(BeanCreatedEvent<ObjectMapper> event) {
        return strict(EventJson.configure(event.getBean()));
    }

    @SuppressWarnings("deprecation") // configuring a mapper built by someone else: the builder is not ours to use
    static ObjectMapper strict(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Textual}) {
            for (CoercionInputShape shape : SCALARS) {
                if (!sameShape(type, shape)) {
                    mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        return mapper;
    }

    /** A JSON number read as a decimal is not a coercion; every other pairing below is. */
    private static boolean sameShape(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer;
            case Boolean -> shape == CoercionInputShape.Boolean;
            case Textual -> shape == CoercionInputShape.String;
            default -> false;
        };
    }
}
