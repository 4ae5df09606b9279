package io.floodgate.cli;

import io.floodgate.contracts.json.EventJson;
import io.floodgate.payment.ledger.OrderLedger;
import io.floodgate.payment.provider.HttpPaymentProvider;
import io.floodgate.payment.provider.ProviderSettings;
import io.floodgate.payment.reconcile.LiveRecords;
import io.floodgate.payment.reconcile.Reconciliation;
import io.floodgate.payment.reconcile.ReconciliationText;
import io.floodgate.platform.kafka.TopicLog;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code floodgate reconcile <saleId>}: compares the orders ledger, the event log and the payment
 * provider's record of a sale, and lists every difference. Exit status 0 when they agree, 1 when
 * they differ. Defaults point at the local run ({@code ./floodgate run}).
 */
public final class ReconcileCommand {
    private static final Map<String, String> DEFAULTS = Map.of(
            "--kafka", "127.0.0.1:9092",
            "--jdbc", "jdbc:postgresql://127.0.0.1:5433/postgres",
            "--db-user", "postgres",
            "--db-password", "",
            "--provider", "http://127.0.0.1:8084");

    private ReconcileCommand() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(DEFAULTS);
        String saleId = null;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--json")) {
                json = true;
            } else if (DEFAULTS.containsKey(args[i]) && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else if (!args[i].startsWith("--") && saleId == null) {
                saleId = args[i];
            } else {
                usage();
            }
        }
        if (saleId == null) {
            usage();
        }
        Reconciliation result = reconcile(saleId, options);
        System.out.print(json ? EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n"
                : ReconciliationText.format(result));
        System.exit(result.clean() ? 0 : 1);
    }

    /** Reconciles against the systems {@code options} name (the same options as on the command line). */
    public static Reconciliation reconcile(String saleId, Map<String, String> options) throws Exception {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(options.get("--jdbc"));
        database.setUser(options.get("--db-user"));
        database.setPassword(options.get("--db-password"));
        HttpPaymentProvider provider = new HttpPaymentProvider(new ProviderSettings("provider",
                URI.create(options.get("--provider")), Duration.ofSeconds(30)), EventJson.mapper());
        return LiveRecords.reconcile(saleId, new OrderLedger(database), new TopicLog(options.get("--kafka")), provider);
    }

    private static void usage() {
        System.err.println("usage: ./floodgate reconcile <saleId> [--json] " + List.of(
                "[--kafka " + DEFAULTS.get("--kafka") + "]", "[--jdbc " + DEFAULTS.get("--jdbc") + "]",
                "[--db-user postgres]", "[--db-password ...]", "[--provider " + DEFAULTS.get("--provider") + "]"));
        System.exit(2);
    }
}
