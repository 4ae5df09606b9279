package io.floodgate.platform.deadletter;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.deadletter.RecordDeadLettered;
import io.floodgate.platform.kafka.KafkaClients;
import io.floodgate.platform.kafka.UnreadableRecordException;
import io.floodgate.platform.kafka.UnreadableRecordException.Kind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

/**
 * What every reader does with a record it cannot read, so that one record never stops a reader:
 * an event type it does not know (the contract lets families grow) or a tombstone is skipped and
 * counted ({@code floodgate_records_skipped_total}); anything else is copied, with where it was
 * and why, to {@code floodgate.dead-letters} and counted ({@code floodgate_records_dead_lettered_total}).
 * Either way the reader carries on with the next record.
 */
@Singleton
public final class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_REASON = 1_000;

    private final DeadLetterSink sink;
    private final MeterRegistry registry;
    private final String service;
    private final Clock clock;

    @Inject
    DeadLetters(KafkaClients clients, MeterRegistry registry, Clock clock,
                @Value("${micronaut.application.name:floodgate}") String service) {
        this(new KafkaDeadLetterSink(clients), registry, clock, service);
    }

    public DeadLetters(DeadLetterSink sink, MeterRegistry registry, Clock clock, String service) {
        this.sink = sink;
        this.registry = registry;
        this.clock = clock;
        this.service = service;
    }

    /** One reader (a consumer loop, a Streams application); its counters exist from now on, at zero. */
    public Reader reader(String name) {
        return new Reader(service + "/" + name);
    }

    @PreDestroy
    void close() throws Exception {
        if (sink instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    public final class Reader {
        private final String name;
        private final Counter unknownType;
        private final Counter tombstone;
        private final Counter deadLettered;

        private Reader(String name) {
            this.name = name;
            this.unknownType = skipped(name, "unknown_type");
            this.tombstone = skipped(name, "tombstone");
            this.deadLettered = Counter.builder("floodgate.records.dead.lettered")
                    .description("Records a reader could not read, copied to floodgate.dead-letters and stepped over")
                    .tag("reader", name).register(registry);
        }

        private Counter skipped(String reader, String reason) {
            return Counter.builder("floodgate.records.skipped")
                    .description("Records a reader stepped over as the contract allows: an event type it does not know, a tombstone")
                    .tag("reader", reader).tag("reason", reason).register(registry);
        }

        /**
         * Steps over the record at {@code topic}/{@code partition}/{@code offset} that failed to
         * deserialize with {@code failure}. Throws if its dead letter could not be written: the
         * reader must then try the record again rather than lose it.
         */
        public void unreadable(String topic, int partition, long offset, byte[] key, byte[] value, Throwable failure)
                throws Exception {
            Kind kind = UnreadableRecordException.kindOf(failure);
            String where = topic + "/" + partition + "/" + offset;
            if (kind == Kind.UNKNOWN_TYPE) {
                unknownType.increment();
                LOG.debug("{}: skipped {}: {}", name, where, failure.getMessage());
                return;
            }
            if (kind == Kind.TOMBSTONE) {
                tombstone(topic, partition, offset);
                return;
            }
            String reason = reason(failure);
            sink.write(letter(topic, partition, offset, key, value, reason));
            deadLettered.increment();
            LOG.warn("{}: cannot read {}; copied to the dead letters and stepped over: {}", name, where, reason);
        }

        /** A record with no value, a tombstone (the consumer does not hand them to a deserializer). */
        public void tombstone(String topic, int partition, long offset) {
            tombstone.increment();
            LOG.debug("{}: skipped a tombstone at {}/{}/{}", name, topic, partition, offset);
        }

        private RecordDeadLettered letter(String topic, int partition, long offset, byte[] key, byte[] value,
                                          String reason) {
            String where = topic + "/" + partition + "/" + offset;
            EventMeta meta = EventMeta.of(EventMeta.ALL_SALES, "dead-letter:" + where, where, clock.instant());
            String copy = value == null ? null : Base64.getEncoder().encodeToString(
                    Arrays.copyOf(value, Math.min(value.length, RecordDeadLettered.MAX_VALUE_BYTES)));
            return new RecordDeadLettered(meta, name, topic, partition, offset,
                    key == null ? null : new String(key, StandardCharsets.UTF_8), copy,
                    value == null ? 0 : value.length, reason);
        }
    }

    /** The failure and its causes' messages, bounded. */
    private static String reason(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < MAX_REASON; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text.toString();
    }
}
