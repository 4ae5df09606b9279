package io.floodgate.audit.log;

import io.floodgate.contracts.Topics;

import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The one order in which a sale's events are replayed and exported. Kafka orders records only
 * within a partition, so partitions are merged by when each event happened; ties go to the
 * catalogue's order (sales, arrivals, queue, hold commands, holds, checkouts, payments), which is
 * the order of cause and effect, then to partition and offset. The same log always merges the same way.
 */
public final class ReplayOrder {
    private static final Map<String, Integer> CATALOGUE_INDEX = IntStream.range(0, Topics.ALL.size()).boxed()
            .collect(Collectors.toUnmodifiableMap(i -> Topics.ALL.get(i).name(), i -> i));

    public static final Comparator<LoggedEvent> COMPARATOR = Comparator.comparing(LoggedEvent::occurredAt)
            .thenComparingInt(e -> CATALOGUE_INDEX.getOrDefault(e.topic(), Topics.ALL.size()))
            .thenComparingInt(LoggedEvent::partition)
            .thenComparingLong(LoggedEvent::offset);

    private ReplayOrder() {
    }
}
