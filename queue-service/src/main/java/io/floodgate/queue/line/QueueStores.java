package io.floodgate.queue.line;

import io.floodgate.platform.streams.JsonStores;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/** The state stores of the line, each backed by a changelog topic. */
public final class QueueStores {
    /** saleId -> {@link SaleLine}. */
    public static final String LINES = "queue-lines";
    /** saleId/buyerId -> {@link QueuedBuyer}: makes joining idempotent per buyer. */
    public static final String BUYERS = "queue-buyers";
    /** saleId/zero-padded sequence -> {@link QueuedBuyer}: who is next, in order. */
    public static final String ORDER = "queue-order";

    private QueueStores() {
    }

    public static String buyerKey(String saleId, String buyerId) {
        return saleId + "/" + buyerId;
    }

    /** Zero-padded so that the store's byte order is sequence order. */
    public static String orderKey(String saleId, long sequence) {
        return String.format("%s/%019d", saleId, sequence);
    }

    public static StoreBuilder<KeyValueStore<String, SaleLine>> lines() {
        return JsonStores.keyValue(LINES, SaleLine.class);
    }

    public static StoreBuilder<KeyValueStore<String, QueuedBuyer>> buyers() {
        return JsonStores.keyValue(BUYERS, QueuedBuyer.class);
    }

    public static StoreBuilder<KeyValueStore<String, QueuedBuyer>> order() {
        return JsonStores.keyValue(ORDER, QueuedBuyer.class);
    }
}
