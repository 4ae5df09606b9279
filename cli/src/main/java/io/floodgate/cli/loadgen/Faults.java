package io.floodgate.cli.loadgen;

import io.floodgate.audit.log.KafkaSaleLog;
import io.floodgate.contracts.ConsumerGroups;
import io.floodgate.contracts.Topics;
import io.floodgate.kit.process.FloodgateService;
import io.floodgate.kit.process.ServiceProcess;
import io.floodgate.kit.stack.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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

    void inject() {
        try {
            for (FloodgateService service : KILLED) {
                int number = victim(service);
                ServiceProcess killed = stack.kill(service, number);
                record("kill -9 %s instance %d (pid %d)", service.module(), number, killed.pid());
            }
            Thread.sleep(BROKER_AFTER_MS);
            record("stopped Kafka node 3 (%s)", stack.stopBroker(2));
        } catch (Exception e) {
            record("fault injection failed: %s", e);
        }
    }

    private void record(String format, Object... args) {
        String line = String.format(Locale.ROOT, "%+6.1f s  ", (System.nanoTime() - openingNanos) / 1e9)
                + String.format(Locale.ROOT, format, args);
        done.add(line);
        err.println("  FAULT " + line);
    }

    /** The instance to kill: for the Streams services, the one whose member owns the sale's partition. */
    private int victim(FloodgateService service) {
        String group = switch (service) {
            case QUEUE -> ConsumerGroups.QUEUE;
            case INVENTORY -> ConsumerGroups.INVENTORY;
            default -> null;
        };
        if (group == null) {
            return 1;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(Topics.SALES.name())).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(Topics.SALES.name()).partitions().size();
            TopicPartition sale = new TopicPartition(Topics.SALES.name(), KafkaSaleLog.partitionOf(saleId, partitions));
            for (MemberDescription m : admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS)
                    .get(group).members()) {
                if (m.assignment().topicPartitions().contains(sale) && m.groupInstanceId().isPresent()) {
                    String id = m.groupInstanceId().get();
                    return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
                }
            }
        } catch (Exception e) {
            err.println("  (could not tell which " + service.module() + " owns the sale: " + e + ")");
        }
        return 1;
    }
}
