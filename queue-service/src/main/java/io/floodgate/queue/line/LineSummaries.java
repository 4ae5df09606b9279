package io.floodgate.queue.line;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.line.LineEvent;
import io.floodgate.contracts.line.LineSummary;
import io.floodgate.contracts.queue.QueueEvent;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds each sale's queue events into its {@link LineSummary} and publishes the summaries that
 * changed, at most once every {@code every} per sale: the compacted {@code floodgate.lines} keeps
 * each line in one record, however long ago its queue events were deleted.
 */
public final class LineSummaries implements Processor<String, QueueEvent, String, LineEvent> {
    private final Duration every;
    private ProcessorContext<String, LineEvent> context;
    private KeyValueStore<String, PendingSummary> summaries;

    public LineSummaries(Duration every) {
        this.every = every;
    }

    @Override
    public void init(ProcessorContext<String, LineEvent> context) {
        this.context = context;
        this.summaries = context.getStateStore(QueueStores.SUMMARIES);
        context.schedule(every, PunctuationType.WALL_CLOCK_TIME, this::publish);
    }

    @Override
    public void process(Record<String, QueueEvent> record) {
        String saleId = record.value().meta().saleId();
        PendingSummary known = summaries.get(saleId);
        LineSummary before = known != null ? known.summary() : LineSummary.of(meta(saleId, record.timestamp()));
        LineSummary after = before.apply(record.value());
        if (known == null || !after.sameLineAs(before)) {
            summaries.put(saleId, new PendingSummary(after, false));
        }
    }

    /** The summaries not yet published; kept in the store, so a restart publishes what a crash left. */
    private void publish(long nowMs) {
        List<KeyValue<String, PendingSummary>> due = new ArrayList<>();
        try (KeyValueIterator<String, PendingSummary> it = summaries.all()) {
            it.forEachRemaining(kv -> {
                if (!kv.value.published()) {
                    due.add(kv);
                }
            });
        }
        for (KeyValue<String, PendingSummary> entry : due) {
            LineSummary told = entry.value.summary().at(meta(entry.key, nowMs));
            summaries.put(entry.key, new PendingSummary(told, true));
            context.forward(new Record<>(entry.key, (LineEvent) told, nowMs));
        }
    }

    private static EventMeta meta(String saleId, long atMs) {
        return EventMeta.of(saleId, "sale:" + saleId, "line-summary:" + atMs, Instant.ofEpochMilli(atMs));
    }
}
