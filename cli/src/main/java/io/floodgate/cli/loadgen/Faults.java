package io.floodgate.cli.loadgen;

import io.floodgate.audit.log.KafkaSaleLog;
import io.floodgate.contracts.ConsumerGroups;
import io.floodgate.contracts.Topics;
import io.floodgate.kit.process.FloodgateService;
import io.floodgate.kit.process.ServiceProcess;
import io.floodgate.kit.stack.LocalStack;
import io.floodgate.platform.kafka.KafkaClients;
import io.floodgate.platform.kafka.KafkaSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The faults of a {@code loadgen --faults} run, injected during the load: one instance of each
 * service killed with SIGKILL (for queue-service and inventory-service the one that owns the
 * sale's partition, so the kill cannot miss the sale), then one Kafka node stopped.
 */
final class Faults {
    private static final List<FloodgateService> KILLED = List.of(FloodgateService.GATEWAY, FloodgateService.QUEUE,
            FloodgateService.INVENTORY, FloodgateService.PAYMENT);
    private static final long BROKER_AFTER_MS = 5000;

    private final LocalStack stack;
    private final String saleId;
    private final long openingNanos;
    private final PrintStream err;
    private final ConcurrentLinkedQueue<String> done = new ConcurrentLinkedQueue<>();
    private volatile boolean failed;

    Faults(LocalStack stack, String saleId, long openingNanos, PrintStream err) {
        this.stack = stack;
        this.saleId = saleId;
        this.openingNanos = openingNanos;
        this.err = err;
    }

    /** What was done, with when (seconds from the opening). */
    List<String> done() {
        return List.copyOf(done);
    }

    /** Every fault was injected. */
    boolean complete() {
        return !failed && done.size() == KILLED.size() + 1;
    }

    void inject() {
        try {
            for (FloodgateService service : KILLED) {
                int owner = saleOwner(service);
                int number = owner > 0 ? owner : 1;
                ServiceProcess killed = stack.kill(service, number);
                record("kill -9 %s instance %d (pid %d)%s", service.module(), number, killed.pid(),
                        owner > 0 ? ", the owner of the sale's partition" : "");
            }
            Thread.sleep(BROKER_AFTER_MS);
            record("stopped Kafka node 3 (%s)", stack.stopBroker(2));
        } catch (Exception e) {
            failed = true;
            record("fault injection failed: %s", e);
        }
    }

    private void record(String format, Object... args) {
        String line = String.format(Locale.ROOT, "%+6.1f s  ", (System.nanoTime() - openingNanos) / 1e9)
                + String.format(Locale.ROOT, format, args);
        done.add(line);
        err.println("  FAULT " + line);
    }

    /** For the Streams services, the number of the instance whose member owns the sale's partition; else 0. */
    private int saleOwner(FloodgateService service) {
        String group = switch (service) {
            case QUEUE -> ConsumerGroups.QUEUE;
            case INVENTORY -> ConsumerGroups.INVENTORY;
            default -> null;
        };
        if (group == null) {
            return 0;
        }
        try (Admin admin = new KafkaClients(new KafkaSettings(stack.bootstrapServers(), Map.of())).admin()) {
            int partitions = admin.describeTopics(List.of(Topics.SALES.name())).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(Topics.SALES.name()).partitions().size();
            TopicPartition sale = new TopicPartition(Topics.SALES.name(), KafkaSaleLog.partitionOf(saleId, partitions));
            for (MemberDescription m : admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS)
                    .get(group).members()) {
                // The stack names instance n "<module>-n"; Streams adds "-<thread>" to it.
                String prefix = service.module() + "-";
                if (m.assignment().topicPartitions().contains(sale) && m.groupInstanceId().isPresent()
                        && m.groupInstanceId().get().startsWith(prefix)) {
                    String number = m.groupInstanceId().get().substring(prefix.length());
                    return Integer.parseInt(number.contains("-") ? number.substring(0, number.indexOf('-')) : number);
                }
            }
        } catch (Exception e) {
            err.println("  (could not tell which " + service.module() + " owns the sale: " + e + ")");
        }
        return 0;
    }
}
