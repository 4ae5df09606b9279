package io.floodgate.queue.line;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.line.LineEvent;
import io.floodgate.contracts.line.LineSummary;
import io.floodgate.contracts.queue.DrawCommitment;
import io.floodgate.contracts.queue.QueueEvent;
import io.floodgate.contracts.queue.SeededPermutation;
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
    private KeyValueStore<String, SaleLine> lines;
    private boolean linesSummarised;

    public LineSummaries(Duration every) {
        this.every = every;
    }

    @Override
    public void init(ProcessorContext<String, LineEvent> context) {
        this.context = context;
        this.summaries = context.getStateStore(QueueStores.SUMMARIES);
        this.lines = context.getStateStore(QueueStores.LINES);
        context.schedule(every, PunctuationType.WALL_CLOCK_TIME, this::publish);
    }

    @Override
    public void process(Record<String, QueueEvent> record) {
        String saleId = record.value().meta().saleId();
        PendingSummary known = summaries.get(saleId);
        LineSummary before = known != null ? known.summary() : first(saleId, record.timestamp());
        LineSummary after = before.apply(record.value());
        if (known == null || !after.sameLineAs(before)) {
            summaries.put(saleId, new PendingSummary(after, false));
        }
    }

    /**
     * A sale's first summary starts from its line as the line processor keeps it, so a line that
     * began before summaries were published (an upgrade) is summarised whole, not from its next event.
     */
    private LineSummary first(String saleId, long atMs) {
        LineSummary empty = LineSummary.of(meta(saleId, atMs));
        SaleLine line = lines.get(saleId);
        if (line == null) {
            return empty;
        }
        // The nonce is as secret as the seed until the line opens: with it, the seed could be brute-forced.
        Draw draw = line.draw();
        return new LineSummary(empty.meta(), line.seed(), line.opened() ? SeededPermutation.ALGORITHM : null,
                line.preQueueSize(), line.lastSequence(), line.admittedThrough(),
                draw == null ? null : draw.commitment(), draw == null ? null : DrawCommitment.SCHEME,
                draw != null && line.opened() ? draw.nonce() : null);
    }

    /** Once per start: every line with no summary yet gets one (lines from before summaries existed). */
    private void summariseEveryLine(long nowMs) {
        List<String> missing = new ArrayList<>();
        try (KeyValueIterator<String, SaleLine> it = lines.all()) {
            it.forEachRemaining(kv -> missing.add(kv.key));
        }
        for (String saleId : missing) {
            if (summaries.get(saleId) == null) {
                summaries.put(saleId, new PendingSummary(first(saleId, nowMs), false));
            }
        }
        linesSummarised = true;
    }

    /**
     * The summaries not yet published; kept in the store, so a restart publishes what a crash left.
     * A summary whose line was cleaned up (closed past its grace) is deleted, here and on the
     * compacted topic (a tombstone), so neither grows with the sales of months.
     */
    private void publish(long nowMs) {
        if (!linesSummarised) {
            summariseEveryLine(nowMs);
        }
        List<KeyValue<String, PendingSummary>> due = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        try (KeyValueIterator<String, PendingSummary> it = summaries.all()) {
            it.forEachRemaining(kv -> {
                if (lines.get(kv.key) == null) {
                    gone.add(kv.key);
                } else if (!kv.value.published()) {
                    due.add(kv);
                }
            });
        }
        for (String saleId : gone) {
            summaries.delete(saleId);
            context.forward(new Record<String, LineEvent>(saleId, null, nowMs));
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
