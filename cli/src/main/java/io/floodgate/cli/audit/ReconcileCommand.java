package io.floodgate.cli.audit;

import io.floodgate.audit.log.Progress;
import io.floodgate.audit.reconcile.LoggedCharges;
import io.floodgate.audit.reconcile.SaleReconciler;
import io.floodgate.audit.reconcile.SaleReconciliation;
import io.floodgate.audit.reconcile.SaleReconciliationText;
import io.floodgate.audit.replay.SaleReplay;
import io.floodgate.cli.Command;
import io.floodgate.cli.Options;
import io.floodgate.cli.Reports;
import io.floodgate.cli.UsageException;
import io.floodgate.contracts.json.EventJson;
import io.floodgate.payment.ledger.OrderLedger;
import io.floodgate.payment.provider.HttpPaymentProvider;
import io.floodgate.payment.provider.ProviderCharge;
import io.floodgate.payment.provider.ProviderSettings;
import io.floodgate.payment.provider.ProviderUnavailableException;
import io.floodgate.payment.reconcile.LedgerOrder;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code floodgate reconcile}: compares the orders ledger (PostgreSQL), the event log (Kafka or an
 * export) and the charges (the provider's own record, or with {@code --no-provider} the log's
 * account of it), seat by seat, with totals by section. Exit 1 on any difference. Defaults point
 * at the local run ({@code ./floodgate run}).
 */
public final class ReconcileCommand implements Command {
    private static final String USAGE = "./floodgate reconcile " + SaleSource.USAGE
            + " [--jdbc url] [--db-user postgres] [--db-password ...] [--provider url | --no-provider] [--json]";
    private static final Map<String, String> OPTIONS = Map.of(
            "--jdbc", "jdbc:postgresql://127.0.0.1:5433/postgres",
            "--db-user", "postgres",
            "--db-password", "",
            "--provider", "http://127.0.0.1:8084");

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options options = options(args);
        SaleReconciliation result = reconcile(options, Progress.to(err, "records read"));
        out.print(options.has("--json") ? Reports.json(result) : SaleReconciliationText.format(result));
        return result.clean() ? 0 : 1;
    }

    /** The reconciliation the command line {@code args} asks for, without printing it. */
    public static SaleReconciliation reconcile(List<String> args) throws Exception {
        return reconcile(options(args), Progress.silent());
    }

    private static Options options(List<String> args) throws UsageException {
        Map<String, String> valued = new HashMap<>(SaleSource.OPTIONS);
        valued.putAll(OPTIONS);
        return Options.parse(args, valued, Set.of("--json", "--no-provider"));
    }

    private static SaleReconciliation reconcile(Options options, Progress progress) throws Exception {
        SaleReplay replay = SaleReplay.of(SaleSource.open(options, progress));
        List<LedgerOrder> ledger = ledger(options, replay.saleId());
        if (options.has("--no-provider")) {
            return SaleReconciler.of(replay, ledger, LoggedCharges.of(replay.authorized(), replay.refunded()),
                    "the event log (PaymentAuthorized, PaymentRefunded)");
        }
        return SaleReconciler.of(replay, ledger, charges(options, replay.saleId()),
                "the payment provider at " + options.get("--provider"));
    }

    private static List<LedgerOrder> ledger(Options options, String saleId) throws IOException {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(options.get("--jdbc"));
        database.setUser(options.get("--db-user"));
        database.setPassword(options.get("--db-password"));
        try {
            return new OrderLedger(database).orders(saleId);
        } catch (SQLException e) {
            throw new IOException("cannot read the orders ledger at " + options.get("--jdbc") + ": " + e.getMessage()
                    + " (give --jdbc, --db-user and --db-password)", e);
        }
    }

    private static List<ProviderCharge> charges(Options options, String saleId) throws IOException {
        HttpPaymentProvider provider = new HttpPaymentProvider(new ProviderSettings("provider",
                URI.create(options.get("--provider")), Duration.ofSeconds(30)), EventJson.mapper());
        try {
            return provider.charges(saleId);
        } catch (ProviderUnavailableException e) {
            throw new IOException("cannot read the charges from the payment provider at " + options.get("--provider")
                    + ": " + e.getMessage() + " (give --provider, or --no-provider to take them from the event log)", e);
        }
    }
}
