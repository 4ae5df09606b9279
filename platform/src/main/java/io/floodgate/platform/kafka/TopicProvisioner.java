package io.floodgate.platform.kafka;

import io.floodgate.contracts.Topic;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Creates the catalogue's topics explicitly (never by auto-creation) and waits until every
 * partition answers: producing right after creation can hit a leaderless partition and, through
 * KAFKA-15591 / KAFKA-19880, silently lose records.
 */
@Singleton
public final class TopicProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaClients clients;
    private final TopicSettings settings;

    public TopicProvisioner(KafkaClients clients, TopicSettings settings) {
        this.clients = clients;
        this.settings = settings;
    }

    public void provision(Collection<Topic<?>> topics) {
        try (Admin admin = clients.admin()) {
            if (settings.create()) {
                create(admin, topics);
            }
            awaitPartitionsReady(admin, topics.stream().map(Topic::name).collect(Collectors.toSet()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics", e);
        }
    }

    private void create(Admin admin, Collection<Topic<?>> topics) throws InterruptedException {
        Optional<Short> replication = settings.replicationFactor() > 0
                ? Optional.of(settings.replicationFactor()) : Optional.empty();
        List<NewTopic> wanted = topics.stream()
                .map(t -> new NewTopic(t.name(), Optional.of(settings.partitions()), replication).configs(t.configs()))
                .toList();
        admin.createTopics(wanted).values().forEach((name, future) -> {
            try {
                future.get(30, TimeUnit.SECONDS);
                LOG.info("created topic {} with {} partitions", name, settings.partitions());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + name, e.getCause());
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot create topic " + name, e);
            }
        });
    }

    private static void awaitPartitionsReady(Admin admin, Set<String> names) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                described.values().forEach(d -> d.partitions().forEach(p ->
                        latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
                admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("topics " + names + " not ready after " + READY_TIMEOUT, last);
    }
}
