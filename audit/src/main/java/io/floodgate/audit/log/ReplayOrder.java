package io.floodgate.audit.log;

import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;

import java.util.Comparator;

/**
 * The one order in which a sale's events are replayed and exported. Kafka orders records only
 * within a partition, so partitions are merged by when each event happened; ties go to the
 * catalogue's order (sales, arrivals, queue, hold commands, holds, checkouts, payments), which is
 * the order of cause and effect, then to partition and offset. The same log always merges the same way.
 */
public final class ReplayOrder {
    public static final Comparator<LoggedEvent> COMPARATOR = Comparator.comparing(LoggedEvent::occurredAt)
            .thenComparingInt(e -> catalogueIndex(e.topic()))
            .thenComparingInt(LoggedEvent::partition)
            .thenComparingLong(LoggedEvent::offset);

    private ReplayOrder() {
    }

    private static int catalogueIndex(String topic) {
        for (int i = 0; i < Topics.ALL.size(); i++) {
            Topic<?> t = Topics.ALL.get(i);
            if (t.name().equals(topic)) {
                return i;
            }
        }
        return Topics.ALL.size();
    }
}
