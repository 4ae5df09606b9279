package io.floodgate.audit.log;

import io.floodgate.contracts.Topics;
import io.floodgate.platform.kafka.KafkaClients;
import io.floodgate.platform.kafka.TopicProvisioner;
import io.floodgate.platform.kafka.TopicSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writes an exported sale back into a Kafka cluster: the same topics, keys, values and timestamps
 * (partitions follow the keys, so the target may have another partition count). It refuses, and
 * writes nothing, when the target already has the sale or when Floodgate's services are running
 * there: they would act on the imported requests a second time.
 */
public final class KafkaImport {
    private static final List<String> SERVICE_GROUPS = List.of("floodgate-queue", "floodgate-inventory",
            "floodgate-payments", "floodgate-refunds", "floodgate-orders-ledger");

    private final KafkaClients clients;
    private final TopicSettings topics;

    public KafkaImport(KafkaClients clients, TopicSettings topics) {
        this.clients = clients;
        this.topics = topics;
    }

    /** Imports {@code file} and returns how many records were written (all acknowledged). */
    public long load(SaleLog file) throws IOException {
        refuseIfServicesRun();
        new TopicProvisioner(clients, topics).provision(Topics.ALL);
        if (new KafkaSaleLog(clients.config(Map.of()), file.saleId(), Progress.silent()).exists()) {
            throw new IOException("sale '" + file.saleId() + "' is already in the target cluster; nothing was imported");
        }
        Map<String, Object> config = clients.config(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        List<Future<?>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            file.forEach(e -> {
                sent.add(producer.send(new ProducerRecord<>(e.topic(), null, e.timestamp(), e.key(), e.value())));
            });
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

    private void refuseIfServicesRun() throws IOException {
        try (Admin admin = clients.admin()) {
            List<String> present = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).filter(SERVICE_GROUPS::contains).toList();
            if (present.isEmpty()) {
                return;
            }
            for (ConsumerGroupDescription group : admin.describeConsumerGroups(present).all().get(30, TimeUnit.SECONDS).values()) {
                if (!group.members().isEmpty()) {
                    throw new IOException("Floodgate's " + group.groupId() + " is running on the target cluster; "
                            + "import into a cluster where the services are stopped (they would act on the events again)");
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot inspect the target cluster: " + e.getMessage(), e);
        }
    }
}
