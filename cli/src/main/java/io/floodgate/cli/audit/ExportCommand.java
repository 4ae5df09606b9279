package io.floodgate.cli.audit;

import io.floodgate.audit.log.EventFile;
import io.floodgate.audit.log.KafkaSaleLog;
import io.floodgate.audit.log.Progress;
import io.floodgate.cli.Command;
import io.floodgate.cli.Options;
import io.floodgate.cli.UsageException;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code floodgate export <saleId>}: writes a sale's events from Kafka to a JSON-lines file (docs/audit.md). */
public final class ExportCommand implements Command {
    private static final String USAGE = "./floodgate export <saleId> [--out <file>] [--kafka host:port] [--kafka-properties file]";

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Map<String, String> valued = new HashMap<>(SaleSource.KAFKA_OPTIONS);
        valued.put("--out", "");
        Options options = Options.parse(args, valued, Set.of());
        if (options.positionals().size() != 1) {
            throw new UsageException("name one sale to export");
        }
        String saleId = options.positionals().get(0);
        Path file = Path.of(options.given("--out") ? options.get("--out") : saleId + ".events.jsonl");
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw new UsageException("no such directory: " + file.getParent());
        }
        long written = EventFile.write(file, new KafkaSaleLog(SaleSource.kafka(options).config(Map.of()), saleId,
                Progress.to(err, "records read")));
        out.printf(Locale.ROOT, "exported %,d events of sale %s to %s%n", written, saleId, file);
        return 0;
    }
}
