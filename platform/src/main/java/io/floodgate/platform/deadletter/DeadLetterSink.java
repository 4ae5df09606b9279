package io.floodgate.platform.deadletter;

import io.floodgate.contracts.deadletter.RecordDeadLettered;

/** Where dead letters are written: {@code floodgate.dead-letters} ({@link KafkaDeadLetterSink}). */
@FunctionalInterface
public interface DeadLetterSink {
    /** Returns once the letter is durably written, or throws. */
    void write(RecordDeadLettered letter) throws Exception;
}
