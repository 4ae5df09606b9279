package io.floodgate.system;

import io.floodgate.contracts.ConsumerGroups;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.kit.process.FloodgateService;
import io.floodgate.kit.process.ProjectLayout;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * These machines cannot run Docker or Kubernetes, so the deployment files are at least parsed and
 * held to the code: the same topics (names, partitions, retention), ports, probes, consumer groups
 * and settings as the services and docs/configuration.md.
 */
class DeployManifestsTest {
    private static final Path ROOT = ProjectLayout.locate().root();
    private static final Pattern SETTING = Pattern.compile("\\b(?:FLOODGATE|DATASOURCES|MICRONAUT)_[A-Z0-9_]+");

    /** Each service's HTTP port, as its own application.yml sets it. */
    private static Map<String, Integer> ports() throws IOException {
        Map<String, Integer> ports = new HashMap<>();
        for (FloodgateService s : FloodgateService.values()) {
            Map<String, Object> config = new Yaml().load(Files.readString(
                    ROOT.resolve(s.module()).resolve("src/main/resources/application.yml")));
            ports.put(s.module(), (Integer) map(map(config, "micronaut"), "server").get("port"));
        }
        return ports;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object parent, String key) {
        Object child = ((Map<String, Object>) parent).get(key);
        assertNotNull(child, key + " in " + parent);
        return (Map<String, Object>) child;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object parent, String key) {
        return (List<Object>) ((Map<String, Object>) parent).get(key);
    }

    private static List<Map<String, Object>> k8s() throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/k8s"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(f))) {
                    @SuppressWarnings("unchecked") Map<String, Object> d = (Map<String, Object>) doc;
                    docs.add(d);
                }
            }
        }
        return docs;
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static String name(Map<String, Object> doc) {
        return (String) map(doc, "metadata").get("name");
    }

    @Test
    void kubernetesTopicsAreTheCatalogue() throws IOException {
        List<Map<String, Object>> docs = k8s();
        Map<String, Map<String, Object>> topics = ofKind(docs, "KafkaTopic").stream()
                .collect(Collectors.toMap(t -> (String) map(t, "spec").get("topicName"), t -> map(t, "spec")));
        assertEquals(Topics.ALL.stream().map(Topic::name).collect(Collectors.toSet()), topics.keySet());
        Map<String, Object> config = map(ofKind(docs, "ConfigMap").get(0), "data");
        int partitions = Integer.parseInt((String) config.get("FLOODGATE_TOPICS_PARTITIONS"));
        for (Topic<?> t : Topics.ALL) {
            Map<String, Object> spec = topics.get(t.name());
            assertEquals(partitions, spec.get("partitions"), t.name() + ": one partition count for every topic");
            Map<String, String> configs = new HashMap<>();
            map(spec, "config").forEach((k, v) -> configs.put(k, String.valueOf(v)));
            assertEquals(t.configs(), configs, t.name() + ": retention and cleanup as the catalogue sets them");
        }
        assertEquals("false", config.get("FLOODGATE_TOPICS_CREATE"), "Strimzi owns the topics");
        assertEquals("false", String.valueOf(map(map(map(ofKind(docs, "Kafka").get(0), "spec"), "kafka"), "config")
                .get("auto.create.topics.enable")));
    }

    @Test
    void kubernetesServicesHaveTheCodesPortsProbesAndLagScaling() throws IOException {
        List<Map<String, Object>> docs = k8s();
        Map<String, Integer> ports = ports();
        Set<String> deployments = new HashSet<>();
        for (Map<String, Object> d : ofKind(docs, "Deployment")) {
            deployments.add(name(d));
            Map<String, Object> container = (Map<String, Object>) list(map(map(map(d, "spec"), "template"), "spec"), "containers").get(0);
            Map<String, Object> port = (Map<String, Object>) list(container, "ports").get(0);
            assertEquals(ports.get(name(d)), port.get("containerPort"), name(d));
            assertEquals("/health/liveness", map(map(container, "livenessProbe"), "httpGet").get("path"));
            assertEquals("/health/readiness", map(map(container, "readinessProbe"), "httpGet").get("path"));
            assertEquals(port.get("name"), map(map(container, "readinessProbe"), "httpGet").get("port"));
        }
        assertEquals(Set.of("gateway", "queue-service", "inventory-service", "payment-service"), deployments);
        for (Map<String, Object> s : ofKind(docs, "Service")) {
            assertEquals(ports.get(name(s)), ((Map<String, Object>) list(map(s, "spec"), "ports").get(0)).get("port"));
        }
        int partitions = (Integer) map(ofKind(docs, "KafkaTopic").get(0), "spec").get("partitions");
        List<Map<String, Object>> scaled = ofKind(docs, "ScaledObject");
        assertFalse(scaled.isEmpty());
        for (Map<String, Object> s : scaled) {
            Map<String, Object> spec = map(s, "spec");
            assertTrue(deployments.contains(map(spec, "scaleTargetRef").get("name")));
            assertTrue((Integer) spec.get("maxReplicaCount") <= partitions, "one owner per partition");
            Map<String, Object> trigger = map(list(spec, "triggers").get(0), "metadata");
            assertTrue(ConsumerGroups.ALL.contains(trigger.get("consumerGroup")), trigger.toString());
            assertTrue(Topics.ALL.stream().anyMatch(t -> t.name().equals(trigger.get("topic"))), trigger.toString());
        }
        Set<String> listed = new TreeSet<>(list(new Yaml().load(Files.readString(ROOT.resolve("deploy/k8s/kustomization.yaml"))),
                "resources").stream().map(String::valueOf).toList());
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/k8s"))) {
            assertEquals(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("kustomization.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new)), listed, "kustomization lists every manifest");
        }
    }

    @Test
    void composeRunsEveryServiceOnItsPort() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("deploy/docker-compose.yml")));
        Map<String, Object> services = map(compose, "services");
        for (Map.Entry<String, Integer> port : ports().entrySet()) {
            Map<String, Object> service = map(services, port.getKey());
            assertEquals(port.getKey(), map(map(service, "build"), "args").get("SERVICE"));
            assertEquals(List.of(port.getValue() + ":" + port.getValue()), list(service, "ports"));
            assertEquals(String.valueOf(port.getValue()), map(service, "environment").get("MICRONAUT_SERVER_PORT"));
        }
        assertTrue(services.containsKey("kafka") && services.containsKey("postgres"));
        assertTrue(String.valueOf(map(map(services, "kafka"), "environment").get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).equals("false"));
    }

    @Test
    void everySettingTheDeploymentsUseIsDocumented() throws IOException {
        String documented = Files.readString(ROOT.resolve("docs/configuration.md"));
        Set<String> used = new TreeSet<>();
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("deploy/docker-compose.yml"), ROOT.resolve("deploy/docker/Dockerfile")));
        try (Stream<Path> k8s = Files.list(ROOT.resolve("deploy/k8s"))) {
            files.addAll(k8s.toList());
        }
        for (Path f : files) {
            Matcher m = SETTING.matcher(Files.readString(f));
            while (m.find()) {
                used.add(m.group());
            }
        }
        assertTrue(used.size() >= 15, used.toString());
        Set<String> missing = used.stream().filter(s -> !documented.contains("`" + s + "`")).collect(Collectors.toCollection(TreeSet::new));
        missing.remove("FLOODGATE_DB_PASSWORD"); // compose's own variable for PostgreSQL's password, not a service setting
        assertEquals(Set.of(), missing, "settings in deploy/ that docs/configuration.md does not list");
    }
}
