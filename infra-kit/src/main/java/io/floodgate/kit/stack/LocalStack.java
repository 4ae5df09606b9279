package io.floodgate.kit.stack;

import io.floodgate.kit.kafka.EmbeddedKafka;
import io.floodgate.kit.postgres.EmbeddedPostgresServer;
import io.floodgate.kit.process.FloodgateService;
import io.floodgate.kit.process.Ports;
import io.floodgate.kit.process.ProjectLayout;
import io.floodgate.kit.process.ServiceProcess;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: a real Kafka broker and PostgreSQL in this JVM, and each
 * service as its own process configured the way an operator would configure it.
 */
public final class LocalStack implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final StackSettings settings;
    private final ProjectLayout layout;
    private final EmbeddedKafka kafka;
    private final EmbeddedPostgresServer postgres;
    private final Map<FloodgateService, ServiceProcess> services = new EnumMap<>(FloodgateService.class);

    private LocalStack(StackSettings settings, ProjectLayout layout, EmbeddedKafka kafka,
                       EmbeddedPostgresServer postgres) {
        this.settings = settings;
        this.layout = layout;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Starts the infrastructure and every service, and returns once all are healthy. */
    public static LocalStack start(StackSettings settings) {
        ProjectLayout layout = ProjectLayout.locate();
        EmbeddedKafka kafka = EmbeddedKafka.start(settings.home().resolve("kafka"),
                settings.kafkaPort(), settings.kafkaControllerPort());
        EmbeddedPostgresServer postgres;
        try {
            postgres = EmbeddedPostgresServer.start(settings.home().resolve("postgres"), settings.postgresPort());
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        LocalStack stack = new LocalStack(settings, layout, kafka, postgres);
        try {
            for (FloodgateService service : FloodgateService.values()) {
                stack.launch(service);
            }
            for (FloodgateService service : FloodgateService.values()) {
                stack.awaitHealthy(service);
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

    public String bootstrapServers() {
        return kafka.bootstrapServers();
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

    public ServiceProcess service(FloodgateService service) {
        return services.get(service);
    }

    /** Stops one service the hard way and starts it again on the same data; returns once healthy. */
    public ServiceProcess restart(FloodgateService service, boolean crash) {
        ServiceProcess old = services.remove(service);
        if (crash) {
            old.halt();
        } else {
            old.close();
        }
        launch(service);
        awaitHealthy(service);
        return services.get(service);
    }

    /**
     * Waits for {@code service}; if it lost its port to another process between choosing and
     * binding it (possible with free ports chosen for tests), starts it once more on another.
     */
    private void awaitHealthy(FloodgateService service) {
        try {
            services.get(service).awaitHealthy(START_TIMEOUT);
        } catch (IllegalStateException e) {
            if (!e.getMessage().contains("Address already in use")) {
                throw e;
            }
            services.remove(service).close();
            launch(service, Ports.free()).awaitHealthy(START_TIMEOUT);
        }
    }

    /** The environment that configures {@code service}; docs/configuration.md lists every variable. */
    public Map<String, String> environment(FloodgateService service) {
        Map<String, String> env = new HashMap<>();
        env.put("FLOODGATE_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("FLOODGATE_TOPICS_PARTITIONS", Integer.toString(settings.partitions()));
        switch (service) {
            case GATEWAY -> {
                env.put("FLOODGATE_OPERATOR_TOKEN", settings.operatorToken());
                env.put("FLOODGATE_TOKENS_SECRET", settings.tokenSecret());
                putDatabase(env);
            }
            case QUEUE, INVENTORY -> {
                env.put("FLOODGATE_STREAMS_STATE_DIR",
                        settings.home().resolve("state").resolve(service.module()).toString());
                // One instance of each here: a restart takes its partitions straight back.
                env.put("FLOODGATE_STREAMS_INSTANCE_ID", service.module() + "-1");
            }
            case PAYMENT -> {
                putDatabase(env);
                env.put("FLOODGATE_PAYMENT_PROVIDER_URL", service(FloodgateService.PAYMENT_SIMULATOR).url());
            }
            case PAYMENT_SIMULATOR -> {
            }
        }
        env.putAll(settings.environment());
        return env;
    }

    private void putDatabase(Map<String, String> env) {
        env.put("DATASOURCES_DEFAULT_URL", postgres.jdbcUrl());
        env.put("DATASOURCES_DEFAULT_USERNAME", postgres.user());
        env.put("DATASOURCES_DEFAULT_PASSWORD", postgres.password());
    }

    private ServiceProcess launch(FloodgateService service) {
        return launch(service, settings.port(service));
    }

    private ServiceProcess launch(FloodgateService service, int port) {
        ServiceProcess process = ServiceProcess.start(layout, service, port,
                environment(service), settings.jvmOptions(),
                settings.home().resolve("logs").resolve(service.module() + ".log"));
        services.put(service, process);
        return process;
    }

    /** Stops services first, then the database and the broker: clients left running stall a broker's shutdown. */
    @Override
    public void close() {
        List<ServiceProcess> running = List.copyOf(services.values());
        running.parallelStream().forEach(ServiceProcess::close);
        services.clear();
        postgres.close();
        kafka.close();
    }
}
