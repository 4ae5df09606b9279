package io.floodgate.queue.line;

import io.floodgate.platform.kafka.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

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
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LINES), Serdes.String(),
                JsonSerde.of(SaleLine.class));
    }

    public static StoreBuilder<KeyValueStore<String, QueuedBuyer>> buyers() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUYERS), Serdes.String(),
                JsonSerde.of(QueuedBuyer.class));
    }

    public static StoreBuilder<KeyValueStore<String, QueuedBuyer>> order() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ORDER), Serdes.String(),
                JsonSerde.of(QueuedBuyer.class));
    }
}
