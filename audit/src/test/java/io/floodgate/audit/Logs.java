package io.floodgate.audit;

import io.floodgate.audit.log.LoggedEvent;
import io.floodgate.audit.log.SaleLog;
import io.floodgate.contracts.Event;
import io.floodgate.contracts.json.EventJson;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Small tools for tests: a list as a sale log, and a log with some events rewritten (tampering). */
public final class Logs {
    private Logs() {
    }

    public static SaleLog of(String saleId, List<LoggedEvent> events) {
        return new SaleLog() {
            @Override
            public String saleId() {
                return saleId;
            }

            @Override
            public void forEach(Consumer<LoggedEvent> sink) {
                events.forEach(sink);
            }
        };
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
