package io.floodgate.audit.log;

import java.io.IOException;
import java.util.function.Consumer;

/** A sale's events, wherever they are kept (Kafka or an export file), handed over in {@link ReplayOrder}. */
public interface SaleLog {
    String saleId();

    void forEach(Consumer<LoggedEvent> sink) throws IOException;
}
