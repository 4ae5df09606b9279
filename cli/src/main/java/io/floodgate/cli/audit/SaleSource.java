package io.floodgate.cli.audit;

import io.floodgate.audit.log.EventFile;
import io.floodgate.audit.log.KafkaSaleLog;
import io.floodgate.audit.log.Progress;
import io.floodgate.audit.log.SaleLog;
import io.floodgate.cli.Options;
import io.floodgate.cli.UsageException;
import io.floodgate.platform.kafka.KafkaClients;
import io.floodgate.platform.kafka.KafkaSettings;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Where an audit command reads a sale: Kafka (the default, the local run's broker) or an export file. */
final class SaleSource {
    static final String KAFKA = "--kafka";
    static final String KAFKA_PROPERTIES = "--kafka-properties";
    static final String FROM = "--from";
    /** How to reach Kafka, for commands that only use Kafka. */
    static final Map<String, String> KAFKA_OPTIONS = Map.of(KAFKA, "127.0.0.1:9092", KAFKA_PROPERTIES, "");
    /** Kafka, or an export file. */
    static final Map<String, String> OPTIONS = Map.of(KAFKA, KAFKA_OPTIONS.get(KAFKA), KAFKA_PROPERTIES, "", FROM, "");
    static final String USAGE = "<saleId> [--kafka host:port] [--kafka-properties client.properties] | --from <file>";

    private SaleSource() {
    }

    static SaleLog open(Options options, Progress progress) throws UsageException, IOException {
        List<String> sale = options.positionals();
        if (sale.size() > 1) {
            throw new UsageException("one sale at a time, not " + sale);
        }
        if (options.given(FROM)) {
            SaleLog file = EventFile.reading(Path.of(options.get(FROM)), progress);
            if (!sale.isEmpty() && !sale.get(0).equals(file.saleId())) {
                throw new UsageException(options.get(FROM) + " holds sale '" + file.saleId() + "', not '" + sale.get(0) + "'");
            }
            return file;
        }
        if (sale.isEmpty()) {
            throw new UsageException("name the sale, or give --from <file>");
        }
        return new KafkaSaleLog(kafka(options).config(Map.of()), sale.get(0), progress);
    }

    /** Kafka's clients as the services make them: the address, plus any client properties file (security, SASL, TLS). */
    static KafkaClients kafka(Options options) throws IOException {
        Map<String, String> properties = new HashMap<>();
        if (options.given(KAFKA_PROPERTIES)) {
            Properties file = new Properties();
            try (Reader in = Files.newBufferedReader(Path.of(options.get(KAFKA_PROPERTIES)))) {
                file.load(in);
            }
            file.forEach((k, v) -> properties.put(k.toString(), v.toString()));
        }
        return new KafkaClients(new KafkaSettings(options.get(KAFKA), properties));
    }
}
