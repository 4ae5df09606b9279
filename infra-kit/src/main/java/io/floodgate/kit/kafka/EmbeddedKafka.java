package io.floodgate.kit.kafka;

import io.floodgate.kit.process.Ports;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real KRaft node (broker and controller in one), running in this JVM from the Maven Central
 * artifacts: alone, or one of a cluster on loopback. Its log directory may be kept between runs so
 * data survives restarts.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a single broker on the given ports; formats {@code dataDir} only if it is not formatted yet. */
    public static EmbeddedKafka start(Path dataDir, int brokerPort, int controllerPort) {
        EmbeddedKafka kafka = startNode(dataDir, 1, brokerPort, controllerPort, "1@127.0.0.1:" + controllerPort,
                Uuid.randomUuid().toString(), 1);
        kafka.awaitReady(1, Duration.ofSeconds(60));
        return kafka;
    }

    /**
     * Starts a cluster of {@code nodes} on free loopback ports, each node a broker and a voter of
     * the controller quorum, with data under {@code dir}/node-N. Topics default to 3 replicas (or
     * as many as there are nodes) and need all but one in sync, so the cluster keeps taking writes
     * with a node down.
     */
    public static List<EmbeddedKafka> startCluster(Path dir, int nodes) {
        int[] brokerPorts = new int[nodes];
        int[] controllerPorts = new int[nodes];
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            brokerPorts[i] = Ports.free();
            controllerPorts[i] = Ports.free();
            voters.add((i + 1) + "@127.0.0.1:" + controllerPorts[i]);
        }
        String clusterId = Uuid.randomUuid().toString();
        int replicas = Math.min(3, nodes);
        // A combined node's startup waits for the quorum, so the nodes start together, a thread each.
        ExecutorService starters = Executors.newFixedThreadPool(nodes);
        List<CompletableFuture<EmbeddedKafka>> starting = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            int node = i;
            starting.add(CompletableFuture.supplyAsync(() -> startNode(dir.resolve("node-" + (node + 1)), node + 1,
                    brokerPorts[node], controllerPorts[node], String.join(",", voters), clusterId, replicas), starters));
        }
        starters.shutdown();
        try {
            List<EmbeddedKafka> cluster = starting.stream().map(CompletableFuture::join).toList();
            cluster.get(0).awaitReady(nodes, Duration.ofSeconds(90));
            return cluster;
        } catch (RuntimeException e) {
            starting.stream().filter(f -> !f.isCompletedExceptionally()).map(CompletableFuture::join)
                    .forEach(EmbeddedKafka::close);
            throw e;
        }
    }

    private static EmbeddedKafka startNode(Path dataDir, int nodeId, int brokerPort, int controllerPort,
                                           String voters, String clusterId, int replicas) {
        try {
            Files.createDirectories(dataDir);
            String logDir = dataDir.toAbsolutePath().toString();
            format(logDir, clusterId, nodeId);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(
                    settings(logDir, nodeId, brokerPort, controllerPort, voters, replicas), false), Time.SYSTEM);
            server.startup();
            return new EmbeddedKafka(server, "127.0.0.1:" + brokerPort);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded Kafka in " + dataDir, e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Formats the storage once; a formatted directory keeps its cluster id and data. */
    private static void format(String logDir, String clusterId, int nodeId) {
        if (Files.exists(Path.of(logDir, "meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(clusterId)
                    .setNodeId(nodeId)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir)
                    .setDirectories(List.of(logDir))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format KRaft storage in " + logDir, e);
        }
    }

    private static Map<String, Object> settings(String logDir, int nodeId, int brokerPort, int controllerPort,
                                                String voters, int replicas) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir);
        // Every topic, internal ones included, is as replicated as the cluster allows; writes need
        // all replicas but one in sync (so one node can be down, and a single node needs only itself).
        String replication = Integer.toString(replicas);
        String minInSync = Integer.toString(Math.max(1, replicas - 1));
        p.put("offsets.topic.replication.factor", replication);
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", replication);
        p.put("transaction.state.log.min.isr", minInSync);
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", replication);
        p.put("share.coordinator.state.topic.min.isr", minInSync);
        p.put("default.replication.factor", replication);
        p.put("min.insync.replicas", minInSync);
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are part of the contract and are created explicitly by the services.
        p.put("auto.create.topics.enable", "false");
        // The default 128 MiB dedupe buffer is most of an idle broker's heap.
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        p.put("num.partitions", "1");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, Object> map = (Map) p;
        return map;
    }

    /** Waits until this node's cluster shows {@code brokers} brokers. */
    private void awaitReady(int brokers, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Exception last = null;
            while (true) {
                try {
                    if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= brokers) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e; // not up yet
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("embedded Kafka: fewer than " + brokers + " brokers after " + timeout,
                            last);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }
}
