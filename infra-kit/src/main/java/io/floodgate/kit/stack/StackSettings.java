package io.floodgate.kit.stack;

import io.floodgate.kit.process.FloodgateService;
import io.floodgate.kit.process.Ports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where and how a whole local Floodgate runs.
 *
 * @param home           data (broker log, PostgreSQL, Streams state) and logs live under it
 * @param brokers        Kafka nodes: 1 on {@code kafkaPort}, or a cluster on free loopback ports
 * @param servicePorts   the HTTP port of each service's first instance (more instances take free ports)
 * @param instances      instances of each service (the simulated provider, an outside party, runs once)
 * @param partitions     partitions per topic
 * @param operatorToken  the credential operators present to the gateway
 * @param tokenSecret    the HMAC key that signs buyers' tickets and admission tokens
 * @param jvmOptions     options for each service JVM
 * @param environment    further settings for every service (see docs/configuration.md)
 * @param siteKey        the key of the site that vouches for buyers (the gateway in site identity mode),
 *                       or null: the gateway issues anonymous identities itself, its default
 */
public record StackSettings(Path home, int brokers, int kafkaPort, int kafkaControllerPort, int postgresPort,
                            Map<FloodgateService, Integer> servicePorts, int instances, int partitions,
                            String operatorToken, String tokenSecret, List<String> jvmOptions,
                            Map<String, String> environment, SiteKey siteKey) {

    /** Services as they would run: full JIT. */
    public static final List<String> SERVICE_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC");
    /** Tests start many short-lived JVMs on two cores: the C1 compiler alone starts them faster. */
    private static final List<String> TEST_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    public StackSettings {
        servicePorts = Map.copyOf(servicePorts);
        jvmOptions = List.copyOf(jvmOptions);
        environment = Map.copyOf(environment);
    }

    public StackSettings withJvmOptions(List<String> options) {
        return new StackSettings(home, brokers, kafkaPort, kafkaControllerPort, postgresPort, servicePorts, instances,
                partitions, operatorToken, tokenSecret, options, environment, siteKey);
    }

    /** A cluster of {@code brokerCount} Kafka nodes and {@code instanceCount} instances of each service. */
    public StackSettings withCluster(int brokerCount, int instanceCount) {
        return new StackSettings(home, brokerCount, kafkaPort, kafkaControllerPort, postgresPort, servicePorts,
                instanceCount, partitions, operatorToken, tokenSecret, jvmOptions, environment, siteKey);
    }

    public StackSettings withEnvironment(Map<String, String> more) {
        Map<String, String> merged = new java.util.HashMap<>(environment);
        merged.putAll(more);
        return new StackSettings(home, brokers, kafkaPort, kafkaControllerPort, postgresPort, servicePorts, instances,
                partitions, operatorToken, tokenSecret, jvmOptions, merged, siteKey);
    }

    /** Buyers prove who they are with tokens signed by {@code key}'s site, not with identities the gateway issues. */
    public StackSettings withSiteIdentity(SiteKey key) {
        return new StackSettings(home, brokers, kafkaPort, kafkaControllerPort, postgresPort, servicePorts, instances,
                partitions, operatorToken, tokenSecret, jvmOptions, environment, key);
    }

    /**
     * Fixed, documented ports and data under {@code home} that survives restarts: the local run.
     * Its secrets are drawn once and kept in {@code home}, so tickets outlive a restart.
     */
    public static StackSettings local(Path home) {
        Map<FloodgateService, Integer> ports = new EnumMap<>(FloodgateService.class);
        ports.put(FloodgateService.GATEWAY, 8080);
        ports.put(FloodgateService.QUEUE, 8081);
        ports.put(FloodgateService.INVENTORY, 8082);
        ports.put(FloodgateService.PAYMENT, 8083);
        ports.put(FloodgateService.PAYMENT_SIMULATOR, 8084);
        Properties secrets = localSecrets(home.resolve("local-secrets.properties"));
        return new StackSettings(home, 1, 9092, 9093, 5433, ports, 1, 6, secrets.getProperty("operator-token"),
                secrets.getProperty("token-secret"), SERVICE_JVM, Map.of(), null);
    }

    /** Free ports and few partitions: a test's stack, under a fresh directory. */
    public static StackSettings ephemeral(Path home) {
        Map<FloodgateService, Integer> ports = new EnumMap<>(FloodgateService.class);
        for (FloodgateService service : FloodgateService.values()) {
            ports.put(service, Ports.free());
        }
        return new StackSettings(home, 1, Ports.free(), Ports.free(), Ports.free(), ports, 1, 2,
                randomSecret(), randomSecret(), TEST_JVM, Map.of(), null);
    }

    public int port(FloodgateService service) {
        return servicePorts.get(service);
    }

    /**
     * The demo site's key of the local run under {@code home} ({@code ./floodgate run --site}, {@code floodgate
     * token}): drawn once, like the run's other secrets, and kept beside them.
     */
    public static SiteKey localSiteKey(Path home) {
        return new SiteKey(localSecrets(home.resolve("local-secrets.properties")).getProperty("site-hmac-secret"),
                SiteKey.LOCAL_ISSUER, SiteKey.LOCAL_AUDIENCE);
    }

    /** The local run's secrets; any missing (a first start, a home from before one was added) is drawn and kept. */
    private static Properties localSecrets(Path file) {
        Properties secrets = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    secrets.load(in);
                }
            }
            boolean drawn = false;
            for (String name : List.of("operator-token", "token-secret", "site-hmac-secret")) {
                if (secrets.getProperty(name) == null) {
                    secrets.setProperty(name, randomSecret());
                    drawn = true;
                }
            }
            if (drawn) {
                ownerOnly(file);
                try (Writer out = Files.newBufferedWriter(file)) {
                    secrets.store(out, "Secrets of the local run only; drawn at random on first start");
                }
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep local secrets in " + file, e);
        }
    }

    /**
     * The secrets' directory rwx------ and file rw------- (where the file system has POSIX
     * permissions), created so before any secret is written: other users of the machine read none.
     */
    static void ownerOnly(Path file) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path directory = file.getParent();
        if (!posix) {
            Files.createDirectories(directory);
            return;
        }
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    /** 32 random bytes in hex: every secret a stack draws for itself. */
    static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
