package io.floodgate.cli;

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
            case "help", "-h", "--help" -> usage(0);
            default -> {
                System.err.println("unknown command: " + command);
                usage(2);
            }
        }
    }

    private static void bench(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("waiting-room")) {
            System.err.println("usage: ./floodgate bench waiting-room [buyers]");
            System.exit(2);
        }
        WaitingRoomBench.main(Arrays.copyOfRange(args, 1, args.length));
    }

    private static void usage(int status) {
        System.out.println("""
                usage: ./floodgate <command>

                  run    start the whole system locally: a Kafka broker, PostgreSQL and the four
                         services, with a demo sale loaded; data is kept in .floodgate/. Ctrl-C stops it.
                  bench waiting-room [buyers]
                         load a million (or [buyers]) waiting buyers into one sale on a fresh local
                         stack; print heap per service and status reads/s beside a no-op endpoint.
                """);
        System.exit(status);
    }
}
