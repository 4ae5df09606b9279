package io.floodgate.queue.line;

import io.floodgate.platform.streams.JsonStores;
import io.floodgate.queue.access.AccessCode;
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

    /** saleId/buyerId -> {@link Shopper}: admitted buyers. */
    public static final String SHOPPERS = "queue-shoppers";
    /** zero-padded window end millis/saleId/buyerId -> buyerId: admission windows in end order. */
    public static final String WINDOWS = "queue-windows";

    /** saleId -> {@link PendingSummary}: each line's summary for {@code floodgate.lines}. */
    public static final String SUMMARIES = "queue-summaries";

    /** saleId/code hash -> {@link AccessCode}: invite-only sales' codes, and whom each admitted. */
    public static final String ACCESS_CODES = "queue-access-codes";
    /** saleId -> the sale's distinct access codes. */
    public static final String ACCESS_CODE_COUNTS = "queue-access-code-counts";

    public static String windowKey(long endMs, String saleId, String buyerId) {
        return String.format("%019d/%s/%s", endMs, saleId, buyerId);
    }

    /** The smallest key after every window ending at or before {@code nowMs}. */
    public static String windowsDueBy(long nowMs) {
        return String.format("%019d/~", nowMs);
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

    /** Rewritten on every arrival of a sale: the record cache folds those writes into one per commit. */
    public static StoreBuilder<KeyValueStore<String, SaleLine>> lines() {
        return JsonStores.keyValue(LINES, SaleLine.class).withCachingEnabled();
    }

    public static StoreBuilder<KeyValueStore<String, QueuedBuyer>> buyers() {
        return JsonStores.keyValue(BUYERS, QueuedBuyer.class);
    }

    public static StoreBuilder<KeyValueStore<String, QueuedBuyer>> order() {
        return JsonStores.keyValue(ORDER, QueuedBuyer.class);
    }

    public static StoreBuilder<KeyValueStore<String, Shopper>> shoppers() {
        return JsonStores.keyValue(SHOPPERS, Shopper.class);
    }

    /** Rewritten on every queue event of a sale, like the lines. */
    public static StoreBuilder<KeyValueStore<String, PendingSummary>> summaries() {
        return JsonStores.keyValue(SUMMARIES, PendingSummary.class).withCachingEnabled();
    }

    public static StoreBuilder<KeyValueStore<String, AccessCode>> accessCodes() {
        return JsonStores.keyValue(ACCESS_CODES, AccessCode.class);
    }

    public static StoreBuilder<KeyValueStore<String, Long>> accessCodeCounts() {
        return JsonStores.keyValue(ACCESS_CODE_COUNTS, Long.class);
    }

    public static StoreBuilder<KeyValueStore<String, String>> windows() {
        return JsonStores.keyValue(WINDOWS, String.class);
    }
}
