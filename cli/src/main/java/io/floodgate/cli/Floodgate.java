package io.floodgate.cli;

import io.floodgate.cli.bench.HoldBench;
import io.floodgate.cli.bench.WaitingRoomBench;

import java.util.Arrays;

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
            case "reconcile" -> ReconcileCommand.main(rest);
            case "help", "-h", "--help" -> usage(0);
            default -> {
                System.err.println("unknown command: " + command);
                usage(2);
            }
        }
    }

    private static void bench(String[] args) throws Exception {
        String which = args.length == 0 ? "" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (which) {
            case "waiting-room" -> WaitingRoomBench.main(rest);
            case "holds" -> HoldBench.main(rest);
            default -> {
                System.err.println("usage: ./floodgate bench waiting-room [buyers] | holds [requests]");
                System.exit(2);
            }
        }
    }

    private static void usage(int status) {
        System.out.println("""
                usage: ./floodgate <command>

                  run    start the whole system locally: a Kafka broker, PostgreSQL, the four
                         services and the simulated payment provider, with a demo sale loaded; data is
                         kept in .floodgate/. Ctrl-C stops it.
                  reconcile <saleId> [--json] [--kafka ..] [--jdbc ..] [--provider ..]
                         compare the orders ledger, the event log and the payment provider's record of
                         a sale and list every difference (exit 1 if any); defaults: the local run.
                  bench waiting-room [buyers]
                         load a million (or [buyers]) waiting buyers into one sale on a fresh local
                         stack; print heap per service and status reads/s beside a no-op endpoint.
                  bench holds [requests]
                         hold requests/s through inventory's topology (exactly_once_v2) beside a
                         pass-through Streams app, on one embedded broker, in the same run.
                """);
        System.exit(status);
    }
}
