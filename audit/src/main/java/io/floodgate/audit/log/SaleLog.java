package io.floodgate.audit.log;

import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A sale's events, wherever they are kept (Kafka or an export file), handed over in {@link ReplayOrder}. */
public interface SaleLog {
    /**
     * The topics a sale's log is read from and exported with: the catalogue but the compacted views
     * ({@code floodgate.availability}, {@code floodgate.lines}), which only summarise the others, and
     * the dead letters (records nobody could read).
     */
    List<Topic<?>> TOPICS = Topics.ALL.stream()
            .filter(t -> t != Topics.AVAILABILITY && t != Topics.LINES && t != Topics.DEAD_LETTERS).toList();

    String saleId();

    void forEach(Consumer<LoggedEvent> sink) throws IOException;

    /** How many partitions each topic had where the events were read (for Kafka: known once they have been). */
    Map<String, Integer> partitions();

    /** Events already in memory, in replay order. */
    static SaleLog of(String saleId, Map<String, Integer> partitions, List<LoggedEvent> events) {
        return new SaleLog() {
            @Override
            public String saleId() {
                return saleId;
            }

            @Override
            public void forEach(Consumer<LoggedEvent> sink) {
                events.forEach(sink);
            }

            @Override
            public Map<String, Integer> partitions() {
                return Map.copyOf(partitions);
            }
        };
    }
}
