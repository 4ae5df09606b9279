package io.floodgate.audit.log;

import io.floodgate.contracts.ConsumerGroups;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.platform.kafka.KafkaClients;
import io.floodgate.platform.kafka.TopicProvisioner;
import io.floodgate.platform.kafka.TopicSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writes an exported sale back into a Kafka cluster: the same topics, keys, values and timestamps,
 * into topics with the export's partition count (so keys land as they did, and a replay orders
 * ties the same way) and kept forever (the records' old timestamps would otherwise fall to
 * retention at once). Everything is checked before the first record is written; it refuses,
 * writing nothing, when the file is not one whole sale, when the target already has the sale, or
 * when Floodgate's services use the target (they would act on the imported requests again).
 */
public final class KafkaImport {
    private final KafkaClients clients;

    public KafkaImport(KafkaClients clients) {
        this.clients = clients;
    }

    /** Imports {@code file} and returns how many records were written (all acknowledged). */
    public long load(SaleLog file) throws IOException {
        long oldest = check(file);
        int partitions = partitions(file);
        refuseIfServicesUse();
        if (new KafkaSaleLog(clients.config(Map.of()), file.saleId(), Progress.silent()).exists()) {
            throw new IOException("sale '" + file.saleId() + "' is already in the target cluster; nothing was imported");
        }
        new TopicProvisioner(clients, new TopicSettings(partitions, (short) 0, true)).provision(keptForever());
        refuseIfTopicsDiffer(partitions, oldest);
        Map<String, Object> config = clients.config(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        List<Future<?>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            file.forEach(e -> sent.add(producer.send(new ProducerRecord<>(e.topic(), null, e.timestamp(), e.key(), e.value()))));
            producer.flush();
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            throw new IOException("the target refused a record: " + e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new IOException("import failed: " + e.getMessage(), e);
        }
        return sent.size();
    }

    /** Reads the whole file once: every line an event of the sale (or of every sale), a SaleCreated among them. */
    private static long check(SaleLog file) throws IOException {
        long[] oldest = {Long.MAX_VALUE};
        boolean[] created = {false};
        List<String> strangers = new ArrayList<>();
        file.forEach(e -> {
            oldest[0] = Math.min(oldest[0], e.timestamp());
            created[0] |= e.event() instanceof SaleCreated;
            if (!e.saleId().equals(file.saleId()) && !e.saleId().equals(EventMeta.ALL_SALES) && strangers.size() < 3) {
                strangers.add(e.topic() + "-" + e.partition() + "@" + e.offset() + " belongs to sale " + e.saleId());
            }
        });
        if (!strangers.isEmpty()) {
            throw new IOException("the file mixes sales (" + String.join("; ", strangers) + "); nothing was imported");
        }
        if (!created[0]) {
            throw new IOException("the file has no SaleCreated for sale '" + file.saleId() + "'; nothing was imported");
        }
        return oldest[0];
    }

    /** The export's partition count: one for every topic, as in every Floodgate cluster. */
    private static int partitions(SaleLog file) throws IOException {
        Set<Integer> counts = new HashSet<>(file.partitions().values());
        if (counts.size() != 1) {
            throw new IOException("the export names no single partition count for its topics (" + file.partitions()
                    + "); nothing was imported");
        }
        return counts.iterator().next();
    }

    /** The catalogue, every topic that deletes by time kept forever instead. */
    private static List<Topic<?>> keptForever() {
        List<Topic<?>> topics = new ArrayList<>();
        for (Topic<?> t : Topics.ALL) {
            Map<String, String> configs = new HashMap<>(t.configs());
            if (configs.containsKey(TopicConfig.RETENTION_MS_CONFIG)) {
                configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
            }
            topics.add(new Topic<>(t.name(), t.eventType(), t.key(), t.owner(), configs));
        }
        return topics;
    }

    private void refuseIfServicesUse() throws IOException {
        try (Admin admin = clients.admin()) {
            List<String> present = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).filter(ConsumerGroups.ALL::contains).sorted().toList();
            if (!present.isEmpty()) {
                throw new IOException("Floodgate's services use the target cluster (consumer groups " + present
                        + "): they would act on the imported events again. Import into a cluster without them; "
                        + "nothing was imported");
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot inspect the target cluster: " + e.getMessage(), e);
        }
    }

    /** Topics that already existed must have the export's partition count and keep the records long enough. */
    private void refuseIfTopicsDiffer(int partitions, long oldestMillis) throws IOException {
        List<String> names = Topics.ALL.stream().map(Topic::name).toList();
        try (Admin admin = clients.admin()) {
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            for (String name : names) {
                int count = described.get(name).partitions().size();
                if (count != partitions) {
                    throw new IOException(name + " has " + count + " partitions on the target, the export came from "
                            + partitions + "; nothing was imported");
                }
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
                boolean deletes = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value().contains(TopicConfig.CLEANUP_POLICY_DELETE);
                long retention = Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value());
                if (deletes && retention >= 0 && oldestMillis < System.currentTimeMillis() - retention) {
                    throw new IOException(name + " on the target deletes records after " + retention
                            + " ms, and the sale's are older; set retention.ms=-1 there; nothing was imported");
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot inspect the target's topics: " + e.getMessage(), e);
        }
    }
}
