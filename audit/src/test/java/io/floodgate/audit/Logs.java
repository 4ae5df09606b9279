package io.floodgate.audit;

import io.floodgate.audit.log.LoggedEvent;
import io.floodgate.contracts.Event;
import io.floodgate.contracts.json.EventJson;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A log with some events rewritten: tampering, for tests. */
public final class Logs {
    private Logs() {
    }

    /** The log with every event {@code change} answers for replaced (null from {@code change}: kept; an empty list: removed). */
    public static List<LoggedEvent> rewrite(List<LoggedEvent> log, Function<Event, List<Event>> change) {
        List<LoggedEvent> out = new ArrayList<>();
        for (LoggedEvent e : log) {
            List<Event> replaced = e.event() == null ? null : change.apply(e.event());
            if (replaced == null) {
                out.add(e);
                continue;
            }
            for (Event r : replaced) {
                try {
                    out.add(new LoggedEvent(e.topic(), e.partition(), e.offset(), e.timestamp(), e.key(),
                            EventJson.mapper().writeValueAsString(r), r.meta().saleId(), r.meta().occurredAt(), r));
                } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
                    throw new UncheckedIOException(x);
                }
            }
        }
        return out;
    }
}
