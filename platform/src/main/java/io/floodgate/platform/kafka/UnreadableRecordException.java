package io.floodgate.platform.kafka;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record of a catalogue topic that is not an event of the topic's family. Readers step over it
 * ({@link io.floodgate.platform.deadletter.DeadLetters}): what the contract allows (a type added
 * later, a tombstone) is skipped and counted; anything else goes to the dead letters.
 */
public final class UnreadableRecordException extends SerializationException {
    public enum Kind {
        /** Valid JSON whose {@code type} is not in the topic's family (yet): skipped, as docs/events.md promises. */
        UNKNOWN_TYPE,
        /** A null value (only {@code floodgate.availability} carries them, a forgotten section): skipped. */
        TOMBSTONE,
        /** Not an event at all: dead-lettered. */
        MALFORMED
    }

    private final Kind kind;

    UnreadableRecordException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The kind of whatever failed to deserialize: ours says, anything else is malformed. */
    public static Kind kindOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnreadableRecordException unreadable) {
                return unreadable.kind;
            }
        }
        return Kind.MALFORMED;
    }
}
