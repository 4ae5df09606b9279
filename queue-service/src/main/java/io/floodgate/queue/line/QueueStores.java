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
    /** Who is next: saleId/seq/zero-padded sequence and saleId/pre/zero-padded index -> {@link QueuedBuyer}. */
    public static final String ORDER = "queue-order";

    private QueueStores() {
    }

    public static String buyerKey(String saleId, String buyerId) {
        return saleId + "/" + buyerId;
    }

    /** Zero-padded so that the store's byte order is sequence order. */
    public static String sequenceKey(String saleId, long sequence) {
        return String.format("%s/seq/%019d", saleId, sequence);
    }

    public static String preQueueKey(String saleId, long index) {
        return String.format("%s/pre/%019d", saleId, index);
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
