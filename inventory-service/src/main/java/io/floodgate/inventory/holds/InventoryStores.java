package io.floodgate.inventory.holds;

import io.floodgate.contracts.sale.SaleState;
import io.floodgate.inventory.seats.Section;
import io.floodgate.platform.streams.JsonStores;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Inventory's state stores, partitioned like their input: by sale and section. */
public final class InventoryStores {
    /** Global: saleId/sectionId -> the section's last published availability, from every task. */
    public static final String AVAILABILITY = "inventory-availability";
    /** saleId/buyerId -> {@link BuyerQuota}: the buyer's seats in the sale, for the per-buyer limit. */
    public static final String QUOTAS = "inventory-quotas";
    /** saleId -> the sale's folded state, for fanning it out to sections. */
    public static final String SALES = "inventory-sales";
    /** saleId/sectionId -> {@link Section}. */
    public static final String SECTIONS = "inventory-sections";
    /** holdId -> {@link Hold}. */
    public static final String HOLDS = "inventory-holds";
    /** zero-padded expiry millis/holdId -> holdId: live holds in expiry order. */
    public static final String EXPIRY = "inventory-expiry";
    /** saleId/sectionId/holdId -> holdId: every hold of a section, for resuming and forgetting it. */
    public static final String SECTION_HOLDS = "inventory-section-holds";
    /** zero-padded millis/saleId -> saleId: closed sales, by when they are to be forgotten. */
    public static final String RETIREMENTS = "inventory-retirements";

    private InventoryStores() {
    }

    public static String expiryKey(long expiresAtMs, String holdId) {
        return dueKey(expiresAtMs, holdId);
    }

    /** The smallest key after every hold expiring at or before {@code nowMs}. */
    public static String expiryUpperBound(long nowMs) {
        return dueUpperBound(nowMs);
    }

    /** A key of an index in time order: the store's byte order is time order. */
    public static String dueKey(long atMs, String id) {
        return String.format("%019d/%s", atMs, id);
    }

    /** The smallest key after every {@link #dueKey} due at or before {@code nowMs}. */
    public static String dueUpperBound(long nowMs) {
        return String.format("%019d/~", nowMs);
    }

    /** Every hold of a section starts its key with this. */
    public static String sectionHoldsPrefix(String sectionKey) {
        return sectionKey + "/";
    }

    public static StoreBuilder<KeyValueStore<String, SaleState>> sales() {
        return JsonStores.keyValue(SALES, SaleState.class);
    }

    public static StoreBuilder<KeyValueStore<String, BuyerQuota>> quotas() {
        return JsonStores.keyValue(QUOTAS, BuyerQuota.class);
    }

    public static StoreBuilder<KeyValueStore<String, Section>> sections() {
        return JsonStores.keyValue(SECTIONS, Section.class);
    }

    public static StoreBuilder<KeyValueStore<String, Hold>> holds() {
        return JsonStores.keyValue(HOLDS, Hold.class);
    }

    public static StoreBuilder<KeyValueStore<String, String>> expiry() {
        return strings(EXPIRY);
    }

    public static StoreBuilder<KeyValueStore<String, String>> sectionHolds() {
        return strings(SECTION_HOLDS);
    }

    public static StoreBuilder<KeyValueStore<String, String>> retirements() {
        return strings(RETIREMENTS);
    }

    private static StoreBuilder<KeyValueStore<String, String>> strings(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String());
    }
}
