package io.floodgate.cli.audit;

import io.floodgate.audit.log.EventFile;
import io.floodgate.audit.log.KafkaImport;
import io.floodgate.audit.log.Progress;
import io.floodgate.audit.log.SaleLog;
import io.floodgate.cli.Command;
import io.floodgate.cli.Options;
import io.floodgate.cli.UsageException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code floodgate import <file>}: writes an exported sale into a Kafka cluster that Floodgate's
 * services do not use (an audit or test cluster), creating the catalogue topics if needed.
 */
public final class ImportCommand implements Command {
    private static final String USAGE = "./floodgate import <file> [--kafka host:port] [--kafka-properties file]";

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(args, SaleSource.KAFKA_OPTIONS, Set.of());
        if (options.positionals().size() != 1) {
            throw new UsageException("name one export file to import");
        }
        SaleLog file = EventFile.reading(Path.of(options.positionals().get(0)), Progress.to(err, "records imported"));
        long written = new KafkaImport(SaleSource.kafka(options)).load(file);
        out.printf(Locale.ROOT, "imported %,d events of sale %s into %s%n", written, file.saleId(), options.get(SaleSource.KAFKA));
        return 0;
    }
}
