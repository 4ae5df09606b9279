package io.floodgate.platform.streams;

import io.floodgate.platform.deadletter.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * A Streams application's records that cannot be read go where every reader's go
 * ({@link DeadLetters}), and the task carries on with the next. Without it Streams fails the
 * thread, its replacement meets the same record, and the partition never moves again. A dead
 * letter that cannot be written fails the thread: the record is tried again rather than lost.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);
    private static final String READER = "floodgate.dead-letters.reader";

    private DeadLetters.Reader reader;

    /** The Streams configuration that installs this handler for {@code reader}. */
    public static Map<String, Object> config(DeadLetters.Reader reader) {
        return Map.of(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class,
                READER, reader);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        reader = (DeadLetters.Reader) configs.get(READER);
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        try {
            reader.unreadable(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                    exception);
            return DeserializationHandlerResponse.CONTINUE;
        } catch (Exception e) {
            LOG.error("cannot write the dead letter of {}/{} at {}", record.topic(), record.partition(),
                    record.offset(), e);
            return DeserializationHandlerResponse.FAIL;
        }
    }
}
