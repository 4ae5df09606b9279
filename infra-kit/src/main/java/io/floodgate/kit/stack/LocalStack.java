package io.floodgate.kit.stack;

import io.floodgate.kit.kafka.EmbeddedKafka;
import io.floodgate.kit.postgres.EmbeddedPostgresServer;
import io.floodgate.kit.process.FloodgateService;
import io.floodgate.kit.process.Ports;
import io.floodgate.kit.process.ProjectLayout;
import io.floodgate.kit.process.ServiceProcess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: a real Kafka broker (or a cluster of them on loopback) and
 * PostgreSQL in this JVM, and each instance of each service as its own process configured the way
 * an operator would configure it.
 */
public final class LocalStack implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final StackSettings settings;
    private final ProjectLayout layout;
    /** The brokers still running, in node order. */
    private final List<EmbeddedKafka> brokers;
    private final String bootstrapServers;
    private final EmbeddedPostgresServer postgres;
    /** The living instances of each service, in the order they were numbered (1, 2, ...). */
    private final Map<FloodgateService, List<Instance>> services = new EnumMap<>(FloodgateService.class);

    /** An instance of a service, numbered from 1. */
    private record Instance(int number, ServiceProcess process) {
    }

    private LocalStack(StackSettings settings, ProjectLayout layout, List<EmbeddedKafka> brokers,
                       EmbeddedPostgresServer postgres) {
        this.settings = settings;
        this.layout = layout;
        this.brokers = new ArrayList<>(brokers);
        this.bootstrapServers = String.join(",", brokers.stream().map(EmbeddedKafka::bootstrapServers).toList());
        this.postgres = postgres;
    }

    /** Starts the infrastructure and every instance of every service, and returns once all are healthy. */
    public static LocalStack start(StackSettings settings) {
        ProjectLayout layout = ProjectLayout.locate();
        List<EmbeddedKafka> brokers = settings.brokers() == 1
                ? List.of(EmbeddedKafka.start(settings.home().resolve("kafka"), settings.kafkaPort(),
                        settings.kafkaControllerPort()))
                : EmbeddedKafka.startCluster(settings.home().resolve("kafka"), settings.brokers());
        EmbeddedPostgresServer postgres;
        try {
            postgres = EmbeddedPostgresServer.start(settings.home().resolve("postgres"), settings.postgresPort());
        } catch (RuntimeException e) {
            brokers.forEach(EmbeddedKafka::close);
            throw e;
        }
        LocalStack stack = new LocalStack(settings, layout, brokers, postgres);
        try {
            for (FloodgateService service : FloodgateService.values()) {
                int count = service == FloodgateService.PAYMENT_SIMULATOR ? 1 : settings.instances();
                for (int n = 1; n <= count; n++) {
                    stack.launch(service, n, n == 1 ? settings.port(service) : Ports.free());
                }
            }
            for (FloodgateService service : FloodgateService.values()) {
                for (Instance instance : List.copyOf(stack.services.get(service))) {
                    stack.awaitHealthy(service, instance);
                }
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String gatewayUrl() {
        return service(FloodgateService.GATEWAY).url();
    }

    /** Every living gateway instance, as a load balancer in front of them would know them. */
    public List<String> gatewayUrls() {
        return instances(FloodgateService.GATEWAY).stream().map(ServiceProcess::url).toList();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public String paymentProviderUrl() {
        return service(FloodgateService.PAYMENT_SIMULATOR).url();
    }

    public StackSettings settings() {
        return settings;
    }

    /** The service's first living instance. */
    public ServiceProcess service(FloodgateService service) {
        return services.get(service).get(0).process();
    }

    /** The service's living instances. */
    public List<ServiceProcess> instances(FloodgateService service) {
        return services.get(service).stream().map(Instance::process).toList();
    }

    /** Stops the service's first instance the hard way and starts it again on the same data; returns once healthy. */
    public ServiceProcess restart(FloodgateService service, boolean crash) {
        Instance old = services.get(service).remove(0);
        if (crash) {
            old.process().halt();
        } else {
            old.process().close();
        }
        Instance again = launch(service, old.number(), old.process().port());
        awaitHealthy(service, again);
        return service(service);
    }

    /** Kills instance {@code number} of the service (SIGKILL, as {@code kill -9}) and leaves it dead. */
    public ServiceProcess kill(FloodgateService service, int number) {
        Instance victim = services.get(service).stream().filter(i -> i.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(service.module() + " has no living instance " + number));
        services.get(service).remove(victim);
        victim.process().halt();
        return victim.process();
    }

    /** Stops one Kafka node of a cluster (a clean shutdown) and leaves it stopped; returns its address. */
    public String stopBroker(int index) {
        if (brokers.size() < 2) {
            throw new IllegalStateException("a single broker cannot be stopped under a running stack");
        }
        EmbeddedKafka broker = brokers.remove(index);
        broker.close();
        return broker.bootstrapServers();
    }

    /**
     * Waits for an instance; if it lost its port to another process between choosing and binding
     * it (possible with free ports chosen for tests), starts it once more on another.
     */
    private void awaitHealthy(FloodgateService service, Instance instance) {
        try {
            instance.process().awaitHealthy(START_TIMEOUT);
        } catch (IllegalStateException e) {
            if (!e.getMessage().contains("Address already in use")) {
                throw e;
            }
            services.get(service).remove(instance);
            instance.process().close();
            launch(service, instance.number(), Ports.free()).process().awaitHealthy(START_TIMEOUT);
        }
    }

    /** The environment that configures one instance of {@code service}; docs/configuration.md lists every variable. */
    private Map<String, String> environment(FloodgateService service, int instance) {
        Map<String, String> env = new HashMap<>();
        env.put("FLOODGATE_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("FLOODGATE_TOPICS_PARTITIONS", Integer.toString(settings.partitions()));
        switch (service) {
            case GATEWAY -> {
                env.put("FLOODGATE_OPERATOR_TOKEN", settings.operatorToken());
                env.put("FLOODGATE_TOKENS_SECRET", settings.tokenSecret());
                if (settings.siteKey() != null) {
                    env.putAll(settings.siteKey().gatewayEnvironment());
                }
                putDatabase(env);
            }
            case QUEUE, INVENTORY -> {
                env.put("FLOODGATE_STREAMS_STATE_DIR",
                        settings.home().resolve("state").resolve(instanceName(service, instance)).toString());
                // Static membership: a restarted instance takes its own partitions straight back.
                env.put("FLOODGATE_STREAMS_INSTANCE_ID", service.module() + "-" + instance);
                // With a second instance, each keeps a warm copy of the other's stores for fail-over.
                env.put("FLOODGATE_STREAMS_STANDBY_REPLICAS", settings.instances() > 1 ? "1" : "0");
            }
            case PAYMENT -> {
                putDatabase(env);
                env.put("FLOODGATE_PAYMENT_PROVIDER_URL", service(FloodgateService.PAYMENT_SIMULATOR).url());
            }
            // The provider's record lasts like the rest of the local data, so reconciliation holds after a restart.
            case PAYMENT_SIMULATOR -> env.put("FLOODGATE_SIMULATOR_DATA_FILE",
                    settings.home().resolve("payment-simulator").resolve("charges.jsonl").toString());
        }
        env.putAll(settings.environment());
        return env;
    }

    private void putDatabase(Map<String, String> env) {
        env.put("DATASOURCES_DEFAULT_URL", postgres.jdbcUrl());
        env.put("DATASOURCES_DEFAULT_USERNAME", postgres.user());
        env.put("DATASOURCES_DEFAULT_PASSWORD", postgres.password());
    }

    /** The first instance keeps the service's plain name (its log, its state), so a local run's data stays put. */
    private static String instanceName(FloodgateService service, int instance) {
        return instance == 1 ? service.module() : service.module() + "-" + instance;
    }

    private Instance launch(FloodgateService service, int number, int port) {
        ServiceProcess process = ServiceProcess.start(layout, service, port,
                environment(service, number), settings.jvmOptions(),
                settings.home().resolve("logs").resolve(instanceName(service, number) + ".log"));
        Instance instance = new Instance(number, process);
        List<Instance> living = services.computeIfAbsent(service, s -> new ArrayList<>());
        living.add(instance);
        living.sort(Comparator.comparingInt(Instance::number));
        return instance;
    }

    /** Stops services first, then the database and the brokers: clients left running stall a broker's shutdown. */
    @Override
    public void close() {
        List<ServiceProcess> running = services.values().stream().flatMap(List::stream).map(Instance::process).toList();
        running.parallelStream().forEach(ServiceProcess::close);
        services.clear();
        postgres.close();
        brokers.parallelStream().forEach(EmbeddedKafka::close);
    }
}
