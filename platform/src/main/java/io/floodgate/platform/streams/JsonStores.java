package io.floodgate.platform.streams;

import io.floodgate.platform.kafka.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Persistent (RocksDB, changelogged) key-value stores with String keys and JSON values. */
public final class JsonStores {
    private JsonStores() {
    }

    public static <V> StoreBuilder<KeyValueStore<String, V>> keyValue(String name, Class<V> valueType) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                JsonSerde.of(valueType));
    }
}
