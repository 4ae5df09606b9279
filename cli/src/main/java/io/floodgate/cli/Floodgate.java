package io.floodgate.cli;

import io.floodgate.cli.audit.ExportCommand;
import io.floodgate.cli.audit.ImportCommand;
import io.floodgate.cli.audit.ReconcileCommand;
import io.floodgate.cli.audit.ReportCommand;
import io.floodgate.cli.bench.AuditBench;
import io.floodgate.cli.loadgen.LoadgenCommand;
import io.floodgate.cli.bench.HoldBench;
import io.floodgate.cli.bench.ProofOfWorkBench;
import io.floodgate.cli.bench.WaitingRoomBench;

import java.util.Arrays;
import java.util.List;

/** The {@code floodgate} command. */
public final class Floodgate {
    private Floodgate() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "run" -> RunCommand.main(rest);
            case "bench" -> bench(rest);
            case "export" -> command(new ExportCommand(), rest);
            case "import" -> command(new ImportCommand(), rest);
            case "replay" -> command(ReportCommand.timeline(), rest);
            case "fairness" -> command(ReportCommand.fairness(), rest);
            case "reconcile" -> command(new ReconcileCommand(), rest);
            case "loadgen" -> command(new LoadgenCommand(), rest);
            case "token" -> command(new TokenCommand(), rest);
            case "solve" -> command(new SolveCommand(System.in), rest);
            case "help", "-h", "--help" -> usage(0);
            default -> {
                System.err.println("unknown command: " + command);
                usage(2);
            }
        }
    }

    private static void command(Command command, String[] args) throws Exception {
        System.exit(Command.runReporting(command, List.of(args), System.out, System.err));
    }

    private static void bench(String[] args) throws Exception {
        String which = args.length == 0 ? "" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (which) {
            case "waiting-room" -> WaitingRoomBench.main(rest);
            case "holds" -> HoldBench.main(rest);
            case "audit" -> AuditBench.main(rest);
            case "proof-of-work" -> ProofOfWorkBench.main(rest);
            default -> {
                System.err.println("usage: ./floodgate bench waiting-room [buyers] | holds [requests] | audit [events]"
                        + " | proof-of-work [solutions]");
                System.exit(2);
            }
        }
    }

    private static void usage(int status) {
        System.out.println("""
                usage: ./floodgate <command>

                  run [--site]
                         start the whole system locally: a Kafka broker, PostgreSQL, the four
                         services and the simulated payment provider, with a demo sale loaded; data is
                         kept in .floodgate/. Ctrl-C stops it. Buyers are anonymous (the gateway issues
                         their identity); --site: they present site tokens, signed with the local
                         demo key kept in .floodgate/ (see token).
                  token --buyer <id> [--ttl 15m]
                         print a site token for the buyer, signed as the local demo site (or with the
                         FLOODGATE_IDENTITY_SITE_* settings when set), and a curl line that joins with it.

                Audit a sale from its event log (docs/audit.md); a sale is read from Kafka (--kafka,
                default the local run) or from an export file (--from <file>); --json for JSON:
                  export <saleId> [--out <file>]
                         write the sale's events to a JSON-lines file, in replay order.
                  import <file>
                         write an export into a Kafka cluster that Floodgate's services do not use.
                  replay <saleId> | --from <file>
                         rebuild the sale from its events into fresh state and print its timeline.
                  fairness <saleId> | --from <file> [--allow-uncommitted]
                         arrival against admission order, the pre-queue's draw re-derived from its seed,
                         waits, admissions per minute against the rate, buyers by final state (exit 1
                         on any finding).
                  reconcile <saleId> | --from <file> [--jdbc ..] [--provider .. | --no-provider]
                         compare the orders ledger, the event log and the payment provider's record seat
                         by seat, with totals by section (exit 1 on any difference).
                  loadgen [--buyers 2000] [--tickets 500] [--sse] [--cluster [--faults]] ... (--help: all)
                         an on-sale over HTTP against a fresh local stack: buyers join, wait (polling or
                         SSE), hold and pay (duplicate tabs, abandonment, alternatives); reports tickets
                         sold, time to sell out, oversold, latency per endpoint, errors, CPU per process,
                         final states, fairness, checks of the log, ledger and charges, and baselines.
                         --cluster: three Kafka nodes and two instances of each service; --faults: kill
                         one instance of each (kill -9) and stop a broker during the load (exit 1 on any
                         failed check).
                  solve  read a proof-of-work challenge (GET /api/sales/<id>/challenge) on standard
                         input, print the join's "altcha" field (docs/api.md, "Proof of work").
                  bench waiting-room [buyers]
                         load a million (or [buyers]) waiting buyers into one sale on a fresh local
                         stack; print heap per service and status reads/s beside a no-op endpoint.
                  bench holds [requests]
                         hold requests/s through inventory's topology (exactly_once_v2) beside a
                         pass-through Streams app, on one embedded broker, and beside the same requests
                         as PostgreSQL row locks, in the same run.
                  bench audit [events]
                         export, replay and audit a generated sale of a million (or [events]) events,
                         from a file and from Kafka, beside a bare read of the same records.
                  bench proof-of-work [solutions]
                         proof-of-work challenges issued and solutions verified per second on one
                         core, beside a Java client's solve time at the default difficulty.
                """);
        System.exit(status);
    }
}
